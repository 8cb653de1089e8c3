import { classificationRank, type Classification, type Organisation, type Role } from '../shared/vocabulary';
import { highWaterMark, type Marking } from './derived-marking';
import type { AccessSubject } from './need-to-know';
import { OVERSIGHT_ROLES } from './capabilities';

/**
 * Need-to-know for the coordination record (issue 14 items 3–4): the crown-witness track, the
 * NCTV–OM consultations and the weighings of the coordinate interests. As data, like
 * capabilities.ts; the four conditions of ADR 0006 hold per entry, on the entry's own marking.
 */

/** Condition 1: the roles that read the coordination record at all. Never executing units or the advisory body. */
export const COORDINATION_READ_ROLES: readonly Role[] = ['decision_maker', 'om_prosecutor', 'inspector'];

/** Nothing in the record is marked lower than this, whatever the case's marking. */
export const COORDINATION_FLOOR: Classification = 'stg_confidential';

/**
 * Originator control: the OM releases its content to whom it marks, but only ever to these (the
 * protection authority and oversight); executing units and the advisory body are not on the list.
 */
export const OM_RELEASE_OPTIONS = ['NCTV', 'INSPECTORATE'] as const satisfies readonly Organisation[];
export type OmRelease = (typeof OM_RELEASE_OPTIONS)[number];

/** Content the NCTV records here is for the two coordinate authorities and oversight. */
const NCTV_RELEASE: readonly Organisation[] = ['NCTV', 'OM', 'INSPECTORATE'];

const higher = (a: Classification, b: Classification) => (classificationRank(a) >= classificationRank(b) ? a : b);

/**
 * The marking of an entry as its author records it: the case's marking raised to the floor; the
 * OM as originator releases it to itself and to whom it names, anyone else to both authorities.
 */
export function coordinationMarking(author: Organisation, caseClassification: Classification, omReleaseTo: readonly OmRelease[] = []): Marking {
  const classification = higher(caseClassification, COORDINATION_FLOOR);
  if (author === 'OM') return { classification, originator: 'OM', releasableTo: ['OM', ...OM_RELEASE_OPTIONS.filter((o) => omReleaseTo.includes(o))] };
  return { classification, originator: author, releasableTo: NCTV_RELEASE };
}

/**
 * An entry derived from OM content (a crown-witness weighing weighs the OM's interest) keeps that
 * content's release conditions: the high-water mark of ADR 0015. Its originator is the author.
 */
export function derivedCoordinationMarking(own: Marking, source: Marking): Marking {
  return { ...highWaterMark(own, source), originator: own.originator };
}

const cleared = (s: AccessSubject, c: Classification) => classificationRank(s.clearance) >= classificationRank(c);
const released = (s: AccessSubject, m: Marking) => !m.releasableTo || m.releasableTo.includes(s.organisation);

/** Conditions 1 and 2: the role reads the record, and the subject is on the case (or oversees). */
export function readsCoordination(subject: AccessSubject, caseId: string, memberOf: ReadonlySet<string>): boolean {
  const capable = subject.roles.some((r) => COORDINATION_READ_ROLES.includes(r));
  const oversight = subject.roles.some((r) => OVERSIGHT_ROLES.includes(r));
  return capable && (oversight || memberOf.has(caseId));
}

/** Conditions 3 and 4 for one entry: cleared for its marking and within its originator's release. */
export const mayReadMarking = (subject: AccessSubject, marking: Marking): boolean => cleared(subject, marking.classification) && released(subject, marking);

/** Set-based: of the entries, the ones the subject may read (all four conditions, per entry). */
export function readableCoordinationEntries<E>(subject: AccessSubject, caseId: string, entries: readonly E[], markingOf: (e: E) => Marking, memberOf: ReadonlySet<string>): E[] {
  if (!readsCoordination(subject, caseId, memberOf)) return [];
  return entries.filter((e) => mayReadMarking(subject, markingOf(e)));
}
