import type { CaseCommandType } from '../cases/case-commands';
import type { Role } from '../shared/vocabulary';

/** The parts of a case that are released separately; each read is checked per section. */
export const CASE_SECTIONS = ['summary', 'persons', 'intake', 'triage', 'assessment', 'decision', 'measures', 'team', 'timeline', 'agenda'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

const ALL_SECTIONS = CASE_SECTIONS;
const EXECUTION: readonly CaseSection[] = ['summary', 'persons', 'measures', 'timeline'];
/** The person's agenda (issue 11): the LCC plans from it; units get their posts' part through assignments. */
const LCC: readonly CaseSection[] = [...EXECUTION, 'agenda'];

/** Role capability (condition 1 of need-to-know): which sections a role may read at all. */
export const READABLE_SECTIONS: Record<Role, readonly CaseSection[]> = {
  triage_officer: ['summary', 'persons', 'intake', 'triage', 'measures', 'team', 'timeline'],
  threat_analyst: ['summary', 'persons', 'intake', 'triage', 'assessment', 'decision', 'team', 'timeline'],
  decision_maker: ALL_SECTIONS,
  lcc_coordinator: LCC,
  // Executing units read the case page's summary and measures; the person's name and the places
  // their posts need come from the operational extract of their assignment (issue 11).
  police_team_lead: ['summary', 'measures'],
  kmar_team_lead: ['summary', 'measures'],
  liaison: ['summary', 'persons', 'decision', 'measures', 'timeline', 'agenda'],
  inspector: ALL_SECTIONS,
  advisory_member: [],
  functional_admin: [],
  // Anomaly alerts name users and case ids, never case content (issue 13).
  security_officer: [],
  // The OM reads who the case is about; its own content lives in the coordination record (crown-witness-access.ts).
  om_prosecutor: ['summary', 'persons'],
};

/** Which roles may issue which command. The inspector and advisory member never write. */
export const COMMAND_ROLES: Record<CaseCommandType, readonly Role[]> = {
  RegisterCase: ['triage_officer'],
  AssignMember: ['triage_officer', 'decision_maker'],
  CompleteTriage: ['triage_officer'],
  RecordAssessment: ['threat_analyst'],
  ProposeDecision: ['decision_maker'],
  ApproveDecision: ['decision_maker'],
  RejectDecision: ['decision_maker'],
  EndCase: ['decision_maker'],
};

/**
 * Roles with a standing oversight grant: they read without being a case member, and every such
 * read is audited with purpose "oversight" (the inspectorate supervises the whole system).
 */
export const OVERSIGHT_ROLES: readonly Role[] = ['inspector'];

/**
 * Roles that may take a limited break-glass grant: read access to a case they are not a member
 * of, for an urgent reason they must write down. Every grant alerts oversight and every read under
 * it is audited as such. Executing units get their information through the case team instead.
 */
export const BREAK_GLASS_ROLES: readonly Role[] = ['triage_officer', 'threat_analyst', 'decision_maker', 'lcc_coordinator'];

/** How long a break-glass grant lasts, and the least a justification must say. */
export const BREAK_GLASS_HOURS = 4;
export const BREAK_GLASS_MIN_JUSTIFICATION = 20;

/**
 * Who records the person's agenda (DOMAIN §7): the liaison, who speaks with the person, and the
 * LCC coordinator, who plans from it. Both need to be on the case (or, later, hold its assignment).
 */
export const AGENDA_WRITE_ROLES: readonly Role[] = ['liaison', 'lcc_coordinator'];
