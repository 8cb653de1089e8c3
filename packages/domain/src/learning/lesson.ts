import { fail, ok, type Result } from '../shared/result';
import type { Classification, Organisation } from '../shared/vocabulary';
import type { EvaluationTrigger, LessonContent } from './evaluation';

/** A lesson as stored for sharing: its content, marking and links, with the case it came from kept apart. */
export interface LessonRecord extends LessonContent {
  evaluationId: string;
  caseId: string;
  trigger: EvaluationTrigger;
  classification: Classification;
  originator: Organisation;
  recordedAt: string;
  /** The policy draft the lesson led to, once linked. */
  policyVersion: string | null;
  linkedAt: string | null;
}

/**
 * A lesson as it is shared across cases: what was learnt, who follows it up and the rule it
 * changes. No case id, no evaluation id, no person or official of the case: the list must not lead
 * back to the case it came from (issue 14).
 */
export interface SharedLesson extends LessonContent {
  trigger: EvaluationTrigger;
  classification: Classification;
  recordedAt: string;
  policyVersion: string | null;
  linkedAt: string | null;
}

export function shareableLesson(lesson: LessonRecord): SharedLesson {
  const { lessonId, title, finding, owner, followUp, dueOn, needsRuleChange, trigger, classification, recordedAt, policyVersion, linkedAt } = lesson;
  return { lessonId, title, finding, owner, followUp, dueOn, needsRuleChange, trigger, classification, recordedAt, policyVersion, linkedAt };
}

/** The lessons as they were known at `at`: recorded by then, and a link only once it was made. */
export function lessonsAsOf<L extends Pick<LessonRecord, 'recordedAt' | 'linkedAt' | 'policyVersion'>>(lessons: readonly L[], at: string): L[] {
  const t = Date.parse(at);
  return lessons
    .filter((l) => Date.parse(l.recordedAt) <= t)
    .map((l) => (l.linkedAt && Date.parse(l.linkedAt) > t ? { ...l, policyVersion: null, linkedAt: null } : l));
}

/** The next free policy version name of a year (`2027.3` after `2027.2`). */
export function nextPolicyVersion(existing: readonly string[], year: number): string {
  const used = existing.filter((v) => v.startsWith(`${year}.`)).map((v) => Number(v.split('.')[1]));
  return `${year}.${Math.max(0, ...used) + 1}`;
}

export type PolicyLinkPlan = { kind: 'existing'; version: string } | { kind: 'new_draft'; version: string } | { kind: 'link_draft'; version: string };

/**
 * The lesson → policy-draft link: only a lesson that asks for a rule change; a lesson linked before
 * opens its draft again (the loop is one draft per lesson); a named target must still be a draft;
 * without a target a new draft is created under the next free version name.
 */
export function planPolicyLink(
  lesson: Pick<LessonRecord, 'needsRuleChange' | 'policyVersion'> & { templateLinked?: boolean },
  target: { version: string; status: string } | undefined,
  existingVersions: readonly string[],
  year: number,
): Result<PolicyLinkPlan> {
  if (lesson.policyVersion) return ok({ kind: 'existing', version: lesson.policyVersion });
  if (!lesson.needsRuleChange) return fail('RULE_VIOLATION', 'only a lesson that asks for a rule change links to a policy draft', { field: 'needsRuleChange' });
  if (lesson.templateLinked) return fail('INVALID_TRANSITION', 'the lesson proposes a method template change already', { field: 'templateId' });
  if (!target) return ok({ kind: 'new_draft', version: nextPolicyVersion(existingVersions, year) });
  if (target.status !== 'draft') return fail('INVALID_TRANSITION', `version ${target.version} is ${target.status}; a lesson links to a draft`, { field: 'version' });
  return ok({ kind: 'link_draft', version: target.version });
}
