import type { CaseCommandType } from '../cases/case-commands';
import type { CaseEventType } from '../cases/case-events';
import { classificationRank, type Classification, type Organisation, type Role } from '../shared/vocabulary';
import { COMMAND_ROLES, OVERSIGHT_ROLES, READABLE_SECTIONS, type CaseSection } from './capabilities';

/** The subject of an access decision: who the user is, not what they are asking for. */
export interface AccessSubject {
  userId: string;
  roles: readonly Role[];
  organisation: Organisation;
  clearance: Classification;
  /** The executing unit the subject works in (unit leads): their access runs through assignments to it. */
  unitId?: string | null;
}

/** A record as the access check sees it: its case, section, marking and originator conditions. */
export interface AccessRecord {
  caseId: string;
  section: CaseSection;
  classification: Classification;
  originator: Organisation;
  /** Organisations the originator releases the record to; `undefined` means every organisation. */
  releasableTo?: readonly Organisation[] | undefined;
}

const SECTION_MARKING: Partial<Record<CaseSection, { floor: Classification; originator: Organisation; releasableTo: readonly Organisation[] }>> = {
  assessment: { floor: 'stg_confidential', originator: 'NCTV_DAF', releasableTo: ['NCTV', 'NCTV_DAF', 'INSPECTORATE'] },
  intake: { floor: 'dep_confidential', originator: 'NCTV', releasableTo: ['NCTV', 'NCTV_DAF', 'INSPECTORATE'] },
  triage: { floor: 'dep_confidential', originator: 'NCTV', releasableTo: ['NCTV', 'NCTV_DAF', 'INSPECTORATE'] },
  decision: { floor: 'dep_confidential', originator: 'NCTV', releasableTo: ['NCTV', 'NCTV_DAF', 'INSPECTORATE'] },
};

const higher = (a: Classification, b: Classification) => (classificationRank(a) >= classificationRank(b) ? a : b);

/** The marking of one section of a case: the case's classification raised to the section's floor. */
export function sectionRecord(caseId: string, caseClassification: Classification, section: CaseSection): AccessRecord {
  const marking = SECTION_MARKING[section];
  if (!marking) return { caseId, section, classification: caseClassification, originator: 'NCTV' };
  return {
    caseId,
    section,
    classification: higher(caseClassification, marking.floor),
    originator: marking.originator,
    releasableTo: marking.releasableTo,
  };
}

const hasOversight = (s: AccessSubject) => s.roles.some((r) => OVERSIGHT_ROLES.includes(r));
const cleared = (s: AccessSubject, c: Classification) => classificationRank(s.clearance) >= classificationRank(c);
const released = (s: AccessSubject, r: AccessRecord) => !r.releasableTo || r.releasableTo.includes(s.organisation);
const capable = (s: AccessSubject, section: CaseSection) => s.roles.some((role) => READABLE_SECTIONS[role].includes(section));

/**
 * Need-to-know (ARCHITECTURE principle 2), set-based: of the given records, the ones the subject
 * may read. ALL must hold: capability, membership (or oversight), clearance, originator release.
 */
export function readableRecords<R extends AccessRecord>(
  subject: AccessSubject,
  records: readonly R[],
  memberOf: ReadonlySet<string>,
): R[] {
  const oversight = hasOversight(subject);
  return records.filter(
    (r) => capable(subject, r.section) && (oversight || memberOf.has(r.caseId)) && cleared(subject, r.classification) && released(subject, r),
  );
}

/** Case ids (of those asked) whose summary the subject may see: the list and "exists" check. */
export function visibleCaseIds(
  subject: AccessSubject,
  cases: readonly { caseId: string; classification: Classification }[],
  memberOf: ReadonlySet<string>,
): Set<string> {
  const records = cases.map((c) => sectionRecord(c.caseId, c.classification, 'summary'));
  return new Set(readableRecords(subject, records, memberOf).map((r) => r.caseId));
}

/** The section a command writes into: whoever writes it must also be allowed to read it. */
export const COMMAND_SECTION: Record<CaseCommandType, CaseSection> = {
  RegisterCase: 'intake',
  AssignMember: 'team',
  CompleteTriage: 'triage',
  RecordAssessment: 'assessment',
  ProposeDecision: 'decision',
  ApproveDecision: 'decision',
  RejectDecision: 'decision',
  EndCase: 'summary',
};

/**
 * May the subject issue this command on this case? Role, membership (oversight never writes), and
 * clearance and release for the section the command writes — nobody writes what they may not read.
 */
export function mayIssueCommand(
  subject: AccessSubject,
  command: CaseCommandType,
  target: { caseId: string; classification: Classification } | undefined,
  memberOf: ReadonlySet<string>,
): boolean {
  if (!subject.roles.some((r) => COMMAND_ROLES[command].includes(r))) return false;
  if (!target) return command === 'RegisterCase';
  const written = sectionRecord(target.caseId, target.classification, COMMAND_SECTION[command]);
  return memberOf.has(target.caseId) && cleared(subject, written.classification) && released(subject, written);
}

/** Which section an event belongs to, so the timeline shows only what the reader may see. */
export const EVENT_SECTION: Record<CaseEventType, CaseSection> = {
  CaseRegistered: 'intake',
  MemberAssigned: 'team',
  TriageCompleted: 'triage',
  AssessmentRecorded: 'assessment',
  DecisionProposed: 'decision',
  DecisionApproved: 'decision',
  DecisionRejected: 'decision',
  CaseEnded: 'summary',
};

/** Events that also concern another section: approving a decision activates the measures. */
export const EVENT_ALSO_SHOWN_IN: Partial<Record<CaseEventType, readonly CaseSection[]>> = {
  DecisionApproved: ['measures'],
};

/** The section under which a reader sees an event in the timeline, or undefined when hidden. */
export function timelineSection(type: CaseEventType, readable: ReadonlySet<CaseSection>): CaseSection | undefined {
  return [EVENT_SECTION[type], ...(EVENT_ALSO_SHOWN_IN[type] ?? [])].find((s) => readable.has(s));
}
