import type { HttpFixture } from '../testing/http-fixture';

export interface RunBody {
  runId: string;
  status: string;
  progress: number;
  phase: string | null;
  failure: string | null;
  versionId: string | null;
  quality: { totalPosts: number; coveredPosts: number; shortfalls: number; scoreSoft: number; scoreHard: number } | null;
}

/** Polls a run as the LCC until it has ended (tests). */
export async function waitForRun(f: HttpFixture, runId: string, onPoll?: (r: RunBody) => void, timeoutMs = 50_000): Promise<RunBody> {
  const lcc = await f.session('lcc');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = (await f.api(lcc, 'GET', `/api/planning/runs/${runId}`)).body as RunBody;
    onPoll?.(r);
    if (!['queued', 'running'].includes(r.status)) return r;
    if (Date.now() > until) throw new Error(`run ${runId} still ${r.status} at ${r.progress}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
