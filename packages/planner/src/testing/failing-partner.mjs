// A portfolio partner thread that fails on purpose (tests of the engine's partner fallback):
// `workerData.how` 'report' posts a failure and exits; 'oom' runs out of heap without a word.
import { workerData } from 'node:worker_threads';

const port = workerData.port;
port.once('message', () => {
  if (workerData.how === 'report') {
    port.postMessage({ type: 'failed', message: 'partner failed on purpose' });
    process.exit(1);
  }
  const hog = [];
  for (;;) hog.push(new Array(1 << 20).fill(hog.length));
});
