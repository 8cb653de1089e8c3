// Worker bootstrap: register tsx's loader in this thread, then load the TypeScript worker
// (the planner's own worker does the same, packages/planner/src/worker/entry.mjs).
import { platform, setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

// The plan must not starve the API (issue 11): on Linux the nice value is per thread, so this
// lowers only the planning thread, and the server's event loop wins the core when both want it.
// Set first, so loading and compiling the planner already runs at the lower priority (ADR 0046).
if (platform() === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not permitted here: the plan runs at normal priority.
  }
}
register();
await import('./plan-thread.ts');
