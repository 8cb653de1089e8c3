export * from './schema';
export * from './database';
export { pgliteDialect } from './pglite-dialect';
export * from './event-stream';
export * from './audit/audit.repository';
export * from './users/user.repository';
export * from './cases/case.repository';
export * from './cases/break-glass.repository';
export * from './policy/policy.repository';
