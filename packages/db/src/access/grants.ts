import type { CaseSection, Classification } from '@hoeder/domain';

/**
 * The brand of every access grant (ADR 0010). The symbol is not exported from the package: a grant
 * can only be made by `./mint.ts` (package subpath `@hoeder/db/grant-mint`), which the lint rule
 * `no-restricted-imports` lets only the guarded layer (apps/server/src/platform/guard/) import. So a
 * repository that takes a grant can only be reached by code that passed the need-to-know check.
 */
export const GRANT: unique symbol = Symbol('hoeder.access-grant');

/** Why a reader may see a case: membership, a break-glass grant, or a standing oversight grant. */
export type ReadBasis = 'member' | 'break_glass' | 'oversight' | 'assignment';

/** Reading one case's stream: the sections the check found readable, and on what basis. */
export interface CaseReadGrant {
  readonly [GRANT]: 'case.read';
  readonly caseId: string;
  readonly sections: ReadonlySet<CaseSection>;
  readonly basis: ReadBasis;
}

/**
 * Appending to one case's stream: a member allowed to issue the command, a new registration, or
 * the DAF bridge (a DAF write grant on the same case, ADR 0009).
 */
export interface CaseWriteGrant {
  readonly [GRANT]: 'case.write';
  readonly caseId: string;
  readonly basis: 'member' | 'registration' | 'daf_bridge';
}

/** Reading one case's DAF record: the case's assessment section passed the check. */
export interface DafReadGrant {
  readonly [GRANT]: 'daf.read';
  readonly caseId: string;
  readonly basis: ReadBasis;
}

/** Appending to one case's DAF stream: a member allowed to write the assessment section. */
export interface DafWriteGrant {
  readonly [GRANT]: 'daf.write';
  readonly caseId: string;
}

/**
 * A set-based grant: the subset of cases a list or an aggregate may read. `purpose` says why:
 * a list of what the reader may see, or a pseudonymous aggregate (policy impact) that hands out
 * no case.
 */
export interface CaseSetGrant {
  readonly [GRANT]: 'case.set';
  readonly caseIds: readonly string[];
  readonly sections: ReadonlySet<CaseSection>;
  readonly purpose: 'list' | 'aggregate';
}

/**
 * Searching the cases a reader sees (issue 13): the visibility rule as the database applies it —
 * the reader's membership, live break-glass grants or standing oversight, and the markings at
 * which the summary (and, for a name search, the persons) are readable to them. Derived by the
 * guard from the domain's need-to-know rule, never written by hand.
 */
export interface CaseSearchGrant {
  readonly [GRANT]: 'case.search';
  readonly userId: string;
  readonly oversight: boolean;
  /**
   * For readers whose basis is an assignment (LCC, unit leads): the cases it covers. Membership
   * counts for nothing for them, so the search must not fall back on case_member. Null for others.
   */
  readonly assignmentCaseIds: readonly string[] | null;
  readonly at: Date;
  readonly summaryClassifications: readonly Classification[];
  readonly personClassifications: readonly Classification[];
}

export type AnyCaseGrant = CaseReadGrant | CaseWriteGrant;
export type AnyDafGrant = DafReadGrant | DafWriteGrant;

/**
 * Reading officers (issue 11): the units whose officers the check lets the reader see, and whether
 * their leave and contracts are included (own unit lead and the LCC only).
 */
export interface OfficerGrant {
  readonly [GRANT]: 'officer.read';
  /** `all` for the LCC; otherwise the reader's own unit. */
  readonly units: 'all' | ReadonlySet<string>;
  readonly personal: boolean;
}

/** Changing officers' master data (import, absences): the LCC. */
export interface OfficerWriteGrant {
  readonly [GRANT]: 'officer.write';
}

/** Reading the agendas of cases whose agenda section passed the check (one case or a set). */
export interface AgendaReadGrant {
  readonly [GRANT]: 'agenda.read';
  readonly caseIds: ReadonlySet<string>;
}

/** Recording a new version of one case's agenda. */
export interface AgendaWriteGrant {
  readonly [GRANT]: 'agenda.write';
  readonly caseId: string;
}

/**
 * Security assignments (ADR 0016): the ones the check allowed, whether the operational security
 * concepts may be read, and whether the LCC's or a unit's step may be written.
 */
export interface AssignmentGrant {
  readonly [GRANT]: 'assignment';
  readonly assignmentIds: readonly string[];
  readonly concepts: boolean;
  readonly write: boolean;
}

/**
 * Reading rosters (ADR 0019): the LCC reads every version and every row; a unit lead only
 * published versions and only the rows of their own unit's officers.
 */
export interface RosterReadGrant {
  readonly [GRANT]: 'roster.read';
  readonly scope: { readonly kind: 'all' } | { readonly kind: 'unit'; readonly unitId: string };
  readonly publishedOnly: boolean;
}

/** Writing rosters: starting and cancelling runs, publishing, replanning (the LCC coordinator). */
export interface RosterWriteGrant {
  readonly [GRANT]: 'roster.write';
  readonly userId: string;
}

/**
 * The coordination record of cases (issue 14): the cases whose record the check let the reader
 * reach. Entries are still filtered one by one on their own marking (originator control).
 */
export interface CoordinationReadGrant {
  readonly [GRANT]: 'coordination.read';
  readonly caseIds: ReadonlySet<string>;
}

/** Appending to one case's coordination record: a member in a role the command allows. */
export interface CoordinationWriteGrant {
  readonly [GRANT]: 'coordination.write';
  readonly caseId: string;
}

/**
 * The person's file (issue 12, ADR 0021): the persons whose identity the check let through, and
 * what of their contact details: everything (the liaison on a case of theirs), only the addresses
 * of some activity domains (an executing unit through its assignment), or nothing.
 */
export interface PersonReadGrant {
  readonly [GRANT]: 'person.read';
  readonly personIds: ReadonlySet<string>;
  readonly details: { readonly kind: 'all' } | { readonly kind: 'domains'; readonly domains: ReadonlySet<string> } | { readonly kind: 'none' };
}

/** Recording a new version of one person's contact details and addresses (the liaison). */
export interface PersonDetailsWriteGrant {
  readonly [GRANT]: 'person.details.write';
  readonly personId: string;
}

/** Comparing a registration with every known person's name and date of birth (intake). */
export interface PersonMatchGrant {
  readonly [GRANT]: 'person.match';
}

/** Reading one case's contact log (and appending to it when `write`). */
export interface ContactLogGrant {
  readonly [GRANT]: 'contact.log';
  readonly caseId: string;
  readonly write: boolean;
}

/** Reading one case's letters (issue 12): the case's decision section passed the letter check. */
export interface LetterReadGrant {
  readonly [GRANT]: 'letter.read';
  readonly caseId: string;
}

/** Drafting or approving one case's letters: a member in a role that writes letters. */
export interface LetterWriteGrant {
  readonly [GRANT]: 'letter.write';
  readonly caseId: string;
}

/** Issue 12 item 4: the local authorities' addressees (mayor, chief prosecutor), for whoever drafts letters. */
export interface LocalAuthorityGrant {
  readonly [GRANT]: 'local_authority';
  readonly write: boolean;
}

/** Reading the objections of the cases the objection check (or a work queue) admitted. */
export interface ObjectionReadGrant {
  readonly [GRANT]: 'objection.read';
  readonly caseIds: ReadonlySet<string>;
}

/** Recording or handling one case's objections. */
export interface ObjectionWriteGrant {
  readonly [GRANT]: 'objection.write';
  readonly caseId: string;
}

/** Incidents and evaluations of the cases the learning check admitted (issue 14); the service filters each record's marking. */
export interface LearningReadGrant {
  readonly [GRANT]: 'learning.read';
  readonly caseIds: ReadonlySet<string>;
}

/** Recording an incident or an evaluation step on one case. */
export interface LearningWriteGrant {
  readonly [GRANT]: 'learning.write';
  readonly caseId: string;
}

/** The shared lessons (no case data): the list, and for policy administrators the link to a draft. */
export interface LessonGrant {
  readonly [GRANT]: 'lesson';
  readonly link: boolean;
}

/** ADR 0030: changing one lesson's follow-up, releasing it, or linking it to a method template. */
export interface LessonWriteGrant {
  readonly [GRANT]: 'lesson.write';
  readonly lessonId: string;
  readonly action: 'follow_up' | 'release' | 'template';
}
