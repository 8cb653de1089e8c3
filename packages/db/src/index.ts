export * from './schema';
export * from './database';
export { pgliteDialect } from './pglite-dialect';
export { isDatabaseUnavailable } from './connection-errors';
export { checkReadiness, type Readiness } from './readiness';
export { runOwnerStep, provisionAppLogin, excessRights, assertLeastPrivilege, type OwnerStepOptions } from './roles';
export { consoleLog, type DatabaseLog } from './postgres-pool';
export * from './event-stream';

export * from './audit/audit.repository';
export * from './users/user.repository';
export * from './cases/case.repository';
export * from './cases/break-glass.repository';
export * from './policy/policy.repository';
export * from './assessments/assessment.repository';
export * from './assessments/assessment-state.repository';
export type { AnyCaseGrant, AnyDafGrant, CaseReadGrant, CaseSetGrant, CaseWriteGrant, DafReadGrant, DafWriteGrant, ReadBasis } from './access/grants';
export * from './auth/session.repository';
export * from './auth/login-backoff.repository';
