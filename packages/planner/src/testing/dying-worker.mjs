// A planner worker that dies on purpose (tests of planInWorker's fallbacks): it runs the
// real worker, but `workerData.when` ('start' or 'checkpoint') decides when it dies and
// `workerData.how` ('exit' or 'oom') how.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { when, how } = workerData;

function die() {
  if (how === 'exit') process.exit(3);
  const hog = [];
  for (;;) hog.push(new Array(1 << 20).fill(hog.length));
}

if (when === 'start') parentPort.once('message', die);
else {
  const post = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (m) => {
    post(m);
    if (m.type === 'checkpoint') die();
  };
}
await import('../worker/worker.ts');
