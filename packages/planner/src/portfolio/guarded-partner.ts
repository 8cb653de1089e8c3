import { messageOf, type FailureLog } from '../failures';
import type { MipPartner } from './portfolio';

/**
 * The partner as the engine sees it: a partner that throws, or whose thread reports
 * a failure, is recorded once and then ignored (no more polls or offers); the engine
 * goes on alone. `stop` is always attempted, so its thread is ended either way.
 */
export class GuardedPartner implements MipPartner {
  private dead = false;
  private stopped = false;

  constructor(private readonly partner: MipPartner, private readonly failures: FailureLog) {}

  get failed(): boolean {
    return this.dead;
  }

  start(job: Parameters<MipPartner['start']>[0], seconds: number): void {
    this.guard(() => this.partner.start(job, seconds), undefined);
  }

  offer(columns: string[]): void {
    if (this.partner.offer) this.guard(() => this.partner.offer?.(columns), undefined);
  }

  poll(): string[] | null {
    return this.guard(() => this.partner.poll(), null);
  }

  /** Once; a failed partner's thread is ended without waiting. Its last solution stays pollable. */
  stop(waitMs: number): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.dead) this.guard(() => this.partner.stop(waitMs), undefined);
    else {
      try {
        this.partner.stop(0);
      } catch {
        // Already recorded as failed; ending its thread is all that is left to try.
      }
    }
  }

  private guard<T>(call: () => T, fallback: T): T {
    if (this.dead) return fallback;
    try {
      const out = call();
      const reported = this.partner.failure?.();
      if (reported) this.fail(reported);
      return out;
    } catch (e) {
      this.fail(messageOf(e));
      return fallback;
    }
  }

  private fail(message: string): void {
    this.failures.record('partner-error', 'partner', message);
    this.dead = true;
  }
}
