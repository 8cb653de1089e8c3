// Column-generation partner bootstrap: register tsx's loader in this thread, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./partner-worker.ts');
