import { fail, ok, type Result } from '../shared/result';
import { classificationRank, type Classification, type Role } from '../shared/vocabulary';

/**
 * What happens to a lesson after it is recorded (ADR 0030): its follow-up lifecycle, its release
 * at a lower marking, and the rule it proposes to change. Pure: the service loads and stores.
 */

export const LESSON_STATUSES = ['open', 'in_progress', 'implemented', 'not_adopted'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** The lifecycle as data: from each status, the statuses it may move to. Implemented and not adopted are final. */
export const LESSON_TRANSITIONS: Readonly<Record<LessonStatus, readonly LessonStatus[]>> = {
  open: ['in_progress', 'implemented', 'not_adopted'],
  in_progress: ['implemented', 'not_adopted'],
  implemented: [],
  not_adopted: [],
};

/** A follow-up is done once implemented or decided not to adopt. */
export const LESSON_DONE: readonly LessonStatus[] = ['implemented', 'not_adopted'];

export interface LessonStatusChange {
  seq: number;
  status: LessonStatus;
  note: string;
  /** Why the lesson is not adopted; required then, absent otherwise. */
  reason: string | null;
  by: string;
  role: Role;
  at: string;
}

export const currentLessonStatus = (history: readonly LessonStatusChange[]): LessonStatus => history.at(-1)?.status ?? 'open';

/** A status change as asked for: allowed from the current status, with a note, and a reason when not adopted. */
export function decideLessonStatus(
  history: readonly LessonStatusChange[],
  change: { status: LessonStatus; note: string; reason?: string | undefined },
): Result<{ seq: number; status: LessonStatus; note: string; reason: string | null }> {
  const from = currentLessonStatus(history);
  if (!LESSON_TRANSITIONS[from].includes(change.status)) return fail('INVALID_TRANSITION', `a lesson that is ${from} cannot become ${change.status}`, { field: 'status' });
  if (change.note.trim() === '') return fail('VALIDATION_FAILED', 'every change of the follow-up has a note', { field: 'note' });
  const reason = change.reason?.trim() ?? '';
  if (change.status === 'not_adopted' && reason === '') return fail('VALIDATION_FAILED', 'a lesson that is not adopted needs a reason', { field: 'reason' });
  if (change.status !== 'not_adopted' && reason !== '') return fail('VALIDATION_FAILED', 'only a lesson that is not adopted takes a reason', { field: 'reason' });
  return ok({ seq: history.length + 1, status: change.status, note: change.note, reason: change.status === 'not_adopted' ? reason : null });
}

/** Overdue: the follow-up date has passed (before `today`, a yyyy-mm-dd date) and the follow-up is not done. */
export const lessonOverdue = (dueOn: string, history: readonly LessonStatusChange[], today: string): boolean => dueOn < today && !LESSON_DONE.includes(currentLessonStatus(history));

/** The release of a lesson's text at a lower marking, after a second person checked it holds no case data. */
export interface LessonRelease {
  classification: Classification;
  title: string;
  finding: string;
  followUp: string;
  releasedBy: string;
  releasedAt: string;
}

/**
 * Four eyes on a release: not yet released, not by the lesson's author, by someone cleared for the
 * lesson's own marking, at a marking strictly lower than it, and only after the check for case data.
 */
export function decideLessonRelease(
  lesson: { classification: Classification; author: string | null; released: boolean },
  releaser: { userId: string; clearance: Classification },
  request: { classification: Classification; checkedNoCaseData: boolean; title: string; finding: string; followUp: string },
  markers?: CaseMarkers,
): Result<{ classification: Classification }> {
  if (lesson.released) return fail('INVALID_TRANSITION', 'the lesson was released already', { field: 'classification' });
  if (!lesson.author || lesson.author === releaser.userId) return fail('FOUR_EYES_VIOLATION', 'a lesson is released by someone other than its author');
  if (classificationRank(releaser.clearance) < classificationRank(lesson.classification)) return fail('FORBIDDEN_ACTION', "the releaser must be cleared for the lesson's own marking");
  if (classificationRank(request.classification) >= classificationRank(lesson.classification)) return fail('RULE_VIOLATION', "a release lowers the lesson's marking", { field: 'classification' });
  if (!request.checkedNoCaseData) return fail('VALIDATION_FAILED', 'confirm that the text holds no case data', { field: 'checkedNoCaseData' });
  const named = markers ? caseDataInRelease(request, markers) : null;
  if (named) return fail('VALIDATION_FAILED', "the text names the case's reference or one of its persons; write it without case data", { field: named });
  return ok({ classification: request.classification });
}

/** What ties a text to its case: the case reference and the names of the case's persons. */
export interface CaseMarkers {
  reference: string;
  names: readonly string[];
}

const RELEASE_FIELDS = ['title', 'finding', 'followUp'] as const;
const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The reference, each full name, and each surname long enough not to be an ordinary word. */
function markerPatterns(markers: CaseMarkers): RegExp[] {
  const words = new Set<string>();
  for (const name of markers.names) {
    const folded = fold(name);
    if (folded) words.add(folded);
    const surname = folded.split(' ').at(-1) ?? '';
    if (surname.length >= 4) words.add(surname);
  }
  const reference = fold(markers.reference);
  const patterns = [...words].map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(w)}($|[^\\p{L}\\p{N}])`, 'u'));
  return reference ? [new RegExp(escapeRegExp(reference)), ...patterns] : patterns;
}

/**
 * The first field of a release text that names its case (reference) or one of the case's persons,
 * or null. A safety net under the releaser's own check: a release must not lead back to the case.
 */
export function caseDataInRelease(text: Readonly<Record<(typeof RELEASE_FIELDS)[number], string>>, markers: CaseMarkers): (typeof RELEASE_FIELDS)[number] | null {
  const patterns = markerPatterns(markers);
  return RELEASE_FIELDS.find((field) => patterns.some((p) => p.test(fold(text[field])))) ?? null;
}

/** The method template a lesson proposes to change: id and the version in the catalogue when linked. */
export interface TemplateLink {
  templateId: string;
  version: number;
  linkedAt: string;
}

/** The rule a lesson links to and how far the loop is: a draft, a published policy, or a template with or without a newer version loaded. */
export type RuleLoop =
  | { kind: 'policy'; version: string; status: 'draft' | 'published' | 'other'; closed: boolean }
  | { kind: 'template'; templateId: string; version: number; newerVersion: number | null; closed: boolean };

export function ruleLoop(
  link: { policyVersion: string | null; template: TemplateLink | null },
  policyStatus: string | undefined,
  catalogue: readonly { templateId: string; version: number }[],
): RuleLoop | null {
  if (link.policyVersion) {
    const status = policyStatus === 'draft' || policyStatus === 'published' ? policyStatus : 'other';
    return { kind: 'policy', version: link.policyVersion, status, closed: status === 'published' };
  }
  if (!link.template) return null;
  const { templateId, version } = link.template;
  const newer = catalogue.filter((t) => t.templateId === templateId && t.version > version).map((t) => t.version);
  const newerVersion = newer.length > 0 ? Math.max(...newer) : null;
  return { kind: 'template', templateId, version, newerVersion, closed: newerVersion !== null };
}

/**
 * A lesson links to one rule: a policy draft or a method template. The template link names a
 * version the catalogue holds; only a lesson asking for a rule change links; one link per lesson.
 */
export function decideTemplateLink(
  lesson: { needsRuleChange: boolean; policyVersion: string | null; template: TemplateLink | null },
  ref: { templateId: string; version: number },
  catalogue: readonly { templateId: string; version: number }[],
): Result<{ templateId: string; version: number }> {
  if (!lesson.needsRuleChange) return fail('RULE_VIOLATION', 'only a lesson that asks for a rule change links to a rule', { field: 'needsRuleChange' });
  if (lesson.policyVersion || lesson.template) return fail('INVALID_TRANSITION', 'the lesson is linked to a rule already', { field: 'templateId' });
  if (!catalogue.some((t) => t.templateId === ref.templateId && t.version === ref.version)) return fail('NOT_FOUND', `no method template ${ref.templateId} version ${ref.version}`, { field: 'templateId' });
  return ok(ref);
}

/** As of `at`: the changes, the release and the template link made by then. */
export function followUpAsOf<F extends { history: readonly LessonStatusChange[]; release: LessonRelease | null; template: TemplateLink | null }>(file: F, at: string): F {
  const t = Date.parse(at);
  return {
    ...file,
    history: file.history.filter((h) => Date.parse(h.at) <= t),
    release: file.release && Date.parse(file.release.releasedAt) <= t ? file.release : null,
    template: file.template && Date.parse(file.template.linkedAt) <= t ? file.template : null,
  };
}
