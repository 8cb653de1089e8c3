export * from './schema';
export * from './database';
export { pgliteDialect } from './pglite-dialect';
export { isDatabaseUnavailable } from './connection-errors';
export { checkReadiness, type Readiness } from './readiness';
export { runOwnerStep, provisionAppLogin, excessRights, assertLeastPrivilege, type OwnerStepOptions } from './roles';
export { consoleLog, type DatabaseLog } from './postgres-pool';
export * from './event-stream';

export * from './audit/audit.repository';
export * from './audit/audit-search.repository';
export * from './users/user.repository';
export * from './units/unit.repository';
export * from './execution/officer.repository';
export * from './execution/agenda.repository';
export * from './cases/case.repository';
export * from './cases/break-glass.repository';
export * from './assignments/assignment.repository';
export * from './policy/policy.repository';
export * from './assessments/assessment.repository';
export * from './assessments/assessment-state.repository';
export * from './cases/case-search.repository';
export type { AssignmentGrant, AgendaReadGrant, AgendaWriteGrant, OfficerGrant, OfficerWriteGrant, AnyCaseGrant, AnyDafGrant, CaseReadGrant, CaseSearchGrant, CaseSetGrant, CaseWriteGrant, DafReadGrant, DafWriteGrant, ReadBasis, RosterReadGrant, RosterWriteGrant } from './access/grants';
export type { LearningReadGrant, LearningWriteGrant, LessonGrant } from './access/grants';
export * from './learning/learning.repository';
export * from './auth/session.repository';
export * from './auth/login-backoff.repository';
export * from './statistics/statistics.repository';
export * from './work/notification.repository';
export * from './jobs/job.repository';
export * from './planning/planning.repository';
// issue 12 items 1 and 2 (ADR 0021)
export * from './persons/person.repository';
export * from './persons/contact-log.repository';
export type { PersonReadGrant, PersonDetailsWriteGrant, PersonMatchGrant, ContactLogGrant } from './access/grants';
// issue 12: letters and objections
export type { LetterReadGrant, LetterWriteGrant, ObjectionReadGrant, ObjectionWriteGrant } from './access/grants';
export * from './letters/letter.repository';
export * from './letters/objection.repository';
