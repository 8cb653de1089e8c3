// Preloaded into the server (`node --import <this> ...`) by `npm start` and the e2e runner: the
// server stops when the script that started it dies, even by SIGKILL. See exitWithParent().
import { exitWithParent } from './proc.mjs';

exitWithParent();
