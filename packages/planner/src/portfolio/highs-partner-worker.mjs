// HiGHS on the full MIP in its own thread (the engine's portfolio partner). Plain JS: it
// needs nothing but highs, so it starts without the TypeScript loader.
import { workerData } from 'node:worker_threads';
import loadHighs from 'highs';

const port = workerData.port;
const h = await loadHighs();

port.once('message', (req) => {
  try {
    solve(req.lp, req.seconds, req.options ?? {});
  } catch (e) {
    // Reported, not thrown: the engine records it and goes on without this partner.
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  } finally {
    port.postMessage({ type: 'done' });
  }
});

/** Every improving incumbent goes to the engine at once, as the names of its x columns at 1. */
function solve(lp, seconds, extra) {
  const model = h.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ ...extra, output_flag: false, time_limit: Math.max(0.01, seconds) });
    const names = Array.from({ length: model.getDimensions().numCols }, (_, i) => model.getColName(i));
    model.run({
      [h.constants.callbackType.mipImprovingSolution](event) {
        const x = event.data.mip_solution;
        if (!x) return;
        const columns = [];
        for (let i = 0; i < x.length; i++) if (x[i] > 0.5 && names[i].startsWith('x_')) columns.push(names[i]);
        port.postMessage({ type: 'solution', objective: event.data.objective_function_value, columns });
      },
    });
  } finally {
    model.dispose();
  }
}
