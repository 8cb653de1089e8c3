import type { CaseSection } from '@hoeder/domain';
import { GRANT, type AssignmentGrant, type AgendaReadGrant, type AgendaWriteGrant, type OfficerGrant, type OfficerWriteGrant, type CaseReadGrant, type CaseSearchGrant, type CaseSetGrant, type CaseWriteGrant, type DafReadGrant, type DafWriteGrant, type ReadBasis, type RosterReadGrant, type RosterWriteGrant, type LetterReadGrant, type LetterWriteGrant, type LocalAuthorityGrant, type ObjectionReadGrant, type ObjectionWriteGrant, type LearningReadGrant, type LearningWriteGrant, type LessonGrant, type LessonWriteGrant, type CoordinationReadGrant, type CoordinationWriteGrant, type PersonReadGrant, type PersonDetailsWriteGrant, type PersonMatchGrant, type ContactLogGrant } from './grants';
import type { ArrangementFollowUpGrant, ArrangementReadGrant, ArrangementWriteGrant } from './arrangement-grants';
import type { ArrangementKind } from '@hoeder/domain';

/**
 * The only place grants are made (ADR 0010). Imported as `@hoeder/db/grant-mint`, and only by the
 * guarded layer: `eslint.config.js` forbids the import anywhere else. Minting checks nothing; the
 * caller is the need-to-know check.
 */
export const mintCaseRead = (caseId: string, sections: ReadonlySet<CaseSection>, basis: ReadBasis): CaseReadGrant =>
  Object.freeze({ [GRANT]: 'case.read' as const, caseId, sections: new Set(sections), basis });

export const mintCaseWrite = (caseId: string, basis: CaseWriteGrant['basis']): CaseWriteGrant => Object.freeze({ [GRANT]: 'case.write' as const, caseId, basis });

export const mintDafRead = (caseId: string, basis: ReadBasis): DafReadGrant => Object.freeze({ [GRANT]: 'daf.read' as const, caseId, basis });

export const mintDafWrite = (caseId: string): DafWriteGrant => Object.freeze({ [GRANT]: 'daf.write' as const, caseId });

export const mintCaseSet = (caseIds: readonly string[], sections: ReadonlySet<CaseSection>, purpose: CaseSetGrant['purpose']): CaseSetGrant =>
  Object.freeze({ [GRANT]: 'case.set' as const, caseIds: Object.freeze([...caseIds]), sections: new Set(sections), purpose });

export const mintOfficerRead = (units: OfficerGrant['units'], personal: boolean): OfficerGrant =>
  Object.freeze({ [GRANT]: 'officer.read' as const, units: units === 'all' ? 'all' : new Set(units), personal });

export const mintOfficerWrite = (): OfficerWriteGrant => Object.freeze({ [GRANT]: 'officer.write' as const });

export const mintAgendaRead = (caseIds: Iterable<string>): AgendaReadGrant => Object.freeze({ [GRANT]: 'agenda.read' as const, caseIds: new Set(caseIds) });

export const mintAgendaWrite = (caseId: string): AgendaWriteGrant => Object.freeze({ [GRANT]: 'agenda.write' as const, caseId });

export const mintAssignment = (assignmentIds: readonly string[], rights: { concepts: boolean; write: boolean }): AssignmentGrant =>
  Object.freeze({ [GRANT]: 'assignment' as const, assignmentIds: Object.freeze([...assignmentIds]), concepts: rights.concepts, write: rights.write });
export const mintCaseSearch = (scope: Omit<CaseSearchGrant, typeof GRANT>): CaseSearchGrant =>
  Object.freeze({ [GRANT]: 'case.search' as const, ...scope, summaryClassifications: Object.freeze([...scope.summaryClassifications]), assignmentCaseIds: scope.assignmentCaseIds && Object.freeze([...scope.assignmentCaseIds]), personClassifications: Object.freeze([...scope.personClassifications]) });

export const mintRosterRead = (scope: RosterReadGrant['scope'], publishedOnly: boolean): RosterReadGrant =>
  Object.freeze({ [GRANT]: 'roster.read' as const, scope: Object.freeze({ ...scope }), publishedOnly });

export const mintRosterWrite = (userId: string): RosterWriteGrant => Object.freeze({ [GRANT]: 'roster.write' as const, userId });

export const mintCoordinationRead = (caseIds: Iterable<string>): CoordinationReadGrant => Object.freeze({ [GRANT]: 'coordination.read' as const, caseIds: new Set(caseIds) });

export const mintCoordinationWrite = (caseId: string): CoordinationWriteGrant => Object.freeze({ [GRANT]: 'coordination.write' as const, caseId });

export const mintPersonRead = (personIds: Iterable<string>, details: PersonReadGrant['details']): PersonReadGrant =>
  Object.freeze({ [GRANT]: 'person.read' as const, personIds: new Set(personIds), details: Object.freeze(details.kind === 'domains' ? { kind: 'domains' as const, domains: new Set(details.domains) } : { ...details }) });

export const mintPersonDetailsWrite = (personId: string): PersonDetailsWriteGrant => Object.freeze({ [GRANT]: 'person.details.write' as const, personId });

export const mintPersonMatch = (): PersonMatchGrant => Object.freeze({ [GRANT]: 'person.match' as const });

export const mintContactLog = (caseId: string, write: boolean): ContactLogGrant => Object.freeze({ [GRANT]: 'contact.log' as const, caseId, write });
export const mintLetterRead = (caseId: string): LetterReadGrant => Object.freeze({ [GRANT]: 'letter.read' as const, caseId });
export const mintLetterWrite = (caseId: string): LetterWriteGrant => Object.freeze({ [GRANT]: 'letter.write' as const, caseId });
export const mintObjectionRead = (caseIds: Iterable<string>): ObjectionReadGrant => Object.freeze({ [GRANT]: 'objection.read' as const, caseIds: new Set(caseIds) });
export const mintObjectionWrite = (caseId: string): ObjectionWriteGrant => Object.freeze({ [GRANT]: 'objection.write' as const, caseId });

export const mintLearningRead = (caseIds: Iterable<string>): LearningReadGrant => Object.freeze({ [GRANT]: 'learning.read' as const, caseIds: new Set(caseIds) });

export const mintLearningWrite = (caseId: string): LearningWriteGrant => Object.freeze({ [GRANT]: 'learning.write' as const, caseId });

export const mintLesson = (link: boolean): LessonGrant => Object.freeze({ [GRANT]: 'lesson' as const, link });
export const mintLessonWrite = (lessonId: string, action: LessonWriteGrant['action']): LessonWriteGrant => Object.freeze({ [GRANT]: 'lesson.write' as const, lessonId, action });
// Issue 12: arrangements (agreements, care referrals, employer duties).
export const mintArrangementRead = (caseId: string, kinds: Iterable<ArrangementKind>): ArrangementReadGrant => Object.freeze({ [GRANT]: 'arrangement.read' as const, caseId, kinds: new Set(kinds) });
export const mintArrangementWrite = (caseId: string): ArrangementWriteGrant => Object.freeze({ [GRANT]: 'arrangement.write' as const, caseId });
export const mintArrangementFollowUp = (caseIds: readonly string[], kinds: Iterable<ArrangementKind>): ArrangementFollowUpGrant =>
  Object.freeze({ [GRANT]: 'arrangement.follow_up' as const, caseIds: [...caseIds], kinds: new Set(kinds) });

export const mintLocalAuthority = (write: boolean): LocalAuthorityGrant => Object.freeze({ [GRANT]: 'local_authority' as const, write });
