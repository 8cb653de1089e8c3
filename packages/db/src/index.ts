export * from './schema';
export * from './database';
export { pgliteDialect } from './pglite-dialect';
