// Worker bootstrap: register tsx's loader in this thread, then load the TypeScript worker
// (the planner's own worker does the same, packages/planner/src/worker/entry.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./plan-thread.ts');
