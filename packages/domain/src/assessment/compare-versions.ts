import type { ThreatLevel } from '../shared/vocabulary';
import { JUDGEMENT_FIELDS, type Assumption, type ChallengeReview, type InformationGap, type Scenario } from './assessment-content';
import type { AssessmentVersion } from './assessment-state';
import type { TemplateRating, TemplateRef } from './method-templates';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: { id: string; changes: FieldChange[] }[];
}

/** What changed between two versions, and the reasons recorded for the later one. */
export interface VersionComparison {
  from: number;
  to: number;
  threatLevel?: { from: ThreatLevel | undefined; to: ThreatLevel | undefined } | undefined;
  judgement: FieldChange[];
  scenarios: ListDiff<Scenario>;
  assumptions: ListDiff<Assumption>;
  gaps: ListDiff<InformationGap>;
  ratings: ListDiff<TemplateRating>;
  items: { added: string[]; removed: string[] };
  template?: { from: TemplateRef; to: TemplateRef } | undefined;
  changes: FieldChange[];
  reasons: {
    reasonForChange?: string | undefined;
    challenges: ChallengeReview[];
    responseToDissent?: string | undefined;
    returnsToDraft: AssessmentVersion['returnsToDraft'];
  };
}

/** Structural equality of plain data (records are JSON-like), independent of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const ea = defined(a);
  const eb = new Map(defined(b));
  return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && sameValue(v, eb.get(k)));
}

function fieldChanges(a: object, b: object, prefix = ''): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return keys.filter((k) => !sameValue(ra[k], rb[k])).map((k) => ({ field: prefix + k, from: ra[k], to: rb[k] }));
}

function diffById<T extends object>(a: readonly T[], b: readonly T[], id: (t: T) => string): ListDiff<T> {
  const before = new Map(a.map((t) => [id(t), t]));
  const after = new Map(b.map((t) => [id(t), t]));
  return {
    added: b.filter((t) => !before.has(id(t))),
    removed: a.filter((t) => !after.has(id(t))),
    changed: b
      .filter((t) => before.has(id(t)))
      .map((t) => ({ id: id(t), changes: fieldChanges(before.get(id(t))!, t) }))
      .filter((c) => c.changes.length > 0),
  };
}

function judgementChanges(a: AssessmentVersion, b: AssessmentVersion): FieldChange[] {
  const ja = a.content.judgement;
  const jb = b.content.judgement;
  return JUDGEMENT_FIELDS.flatMap((field) => fieldChanges(ja?.[field] ?? {}, jb?.[field] ?? {}, `${field}.`));
}

/** Compares version `a` (earlier) with `b` (later): every difference, plus why `b` came to be. */
export function compareVersions(a: AssessmentVersion, b: AssessmentVersion): VersionComparison {
  const levelA = a.content.judgement?.threat.level;
  const levelB = b.content.judgement?.threat.level;
  const ids = (v: AssessmentVersion) => v.content.basedOnItemIds;
  const scalar = (v: AssessmentVersion) => ({ classification: v.content.classification, validFrom: v.validFrom, validUntil: v.validUntil, status: v.status });
  return {
    from: a.versionNumber,
    to: b.versionNumber,
    threatLevel: levelA === levelB ? undefined : { from: levelA, to: levelB },
    judgement: judgementChanges(a, b),
    scenarios: diffById(a.content.scenarios, b.content.scenarios, (s) => s.scenarioId),
    assumptions: diffById(a.content.assumptions, b.content.assumptions, (s) => s.assumptionId),
    gaps: diffById(a.content.gaps, b.content.gaps, (g) => g.gapId),
    ratings: diffById(a.content.ratings, b.content.ratings, (r) => r.itemKey),
    items: { added: ids(b).filter((i) => !ids(a).includes(i)), removed: ids(a).filter((i) => !ids(b).includes(i)) },
    template: sameValue(a.content.template, b.content.template) ? undefined : { from: a.content.template, to: b.content.template },
    changes: fieldChanges(scalar(a), scalar(b)),
    reasons: { reasonForChange: b.reasonForChange, challenges: b.challenges, responseToDissent: b.responseToDissent, returnsToDraft: b.returnsToDraft },
  };
}
