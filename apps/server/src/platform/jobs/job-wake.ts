/**
 * A service that enqueued a job tells this instance's runners after its transaction committed, so
 * a replan starts at once instead of at the next poll (ADR 0027). Other instances find the job at
 * their next poll; the queue stays the only source of truth.
 */
export interface JobWake {
  wake(): void;
  subscribe(listener: () => void): void;
}

export function createJobWake(): JobWake {
  const listeners: (() => void)[] = [];
  return {
    wake: () => {
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.push(listener);
    },
  };
}
