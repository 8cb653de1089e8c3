import { assessment, learning, mayOnLearning, readableLearningRecords, type AccessSubject, type Classification } from '@hoeder/domain';
import type { CaseLearningView, EvaluationView } from '@hoeder/contracts';
import { loadCaseLessons, loadEvaluationStreams, loadIncidents, type Db } from '@hoeder/db';
import type { LearningReading } from '../platform/guard/learning-check';

export interface LearningFacts {
  incidents: learning.IncidentRecord[];
  evaluations: learning.EvaluationState[];
  lessons: learning.LessonRecord[];
}

/**
 * A case's incidents, evaluations and lessons as the reader may see them, as of `at` when given:
 * incidents recorded by then, evaluations folded from their events by then, lessons recorded by
 * then (and their policy link only once made). Each record is filtered at its own marking.
 */
export async function readableLearning(trx: Db, actor: AccessSubject, caseId: string, grant: LearningReading, at: string | undefined): Promise<LearningFacts> {
  const target = { caseId, classification: grant.classification };
  const known = (await loadIncidents(trx, grant.read, [caseId])).filter((i) => !at || learning.incidentsKnownAt([i], at).length > 0);
  const incidents = readableLearningRecords(actor, 'readIncidents', target, known, (i) => i.marking, grant.readBasis);
  const streams = await loadEvaluationStreams(trx, grant.read, caseId);
  const states = [...streams.values()].flatMap((events) => (at ? learning.projectEvaluationAsOf(events, at) : learning.projectEvaluation(events)) ?? []);
  const evaluations = readableLearningRecords(actor, 'readEvaluations', target, states, (e) => e.marking, grant.readBasis);
  const shown = new Set(evaluations.map((e) => e.evaluationId));
  const stored = (await loadCaseLessons(trx, grant.read, caseId)).filter((l) => shown.has(l.evaluationId));
  return { incidents, evaluations, lessons: at ? learning.lessonsAsOf(stored, at) : stored };
}

function evaluationView(e: learning.EvaluationState, lessons: readonly learning.LessonRecord[], lang: 'nl' | 'en' = 'nl'): EvaluationView {
  const template = learning.findTemplate(e.template.key, e.template.version);
  return {
    evaluationId: e.evaluationId,
    trigger: e.trigger,
    incidentId: e.incidentId,
    template: { ...e.template, title: template?.[lang] ?? e.template.key, questions: [...(template?.questions ?? [])] },
    partners: e.partners,
    classification: e.marking.classification,
    status: e.status,
    version: e.version,
    contributions: e.contributions,
    personExperience: e.personExperience,
    lessons: lessons.filter((l) => l.evaluationId === e.evaluationId).map(learning.shareableLesson),
    missing: learning.missingForClose(e),
    conclusion: e.conclusion,
    openedAt: e.openedAt,
    closedAt: e.closedAt,
  };
}

/** The DAF's re-assessment as the incidents feed it, when the reader reads the DAF record (today only). */
function reassessment(grant: LearningReading, incidents: readonly learning.IncidentRecord[], now: Date): CaseLearningView['reassessment'] {
  if (!grant.daf?.state) return null;
  const status = assessment.reassessmentDue(grant.daf.state, now.toISOString(), { incidents: learning.reassessmentIncidents(incidents) });
  return { due: status.due, incidentIds: status.reasons.flatMap((r) => (r.code === 'incident' ? [r.incidentId] : [])) };
}

export function buildLearningView(
  actor: AccessSubject,
  caseId: string,
  grant: LearningReading,
  facts: LearningFacts,
  asOf: Date | undefined,
  now: Date,
  names: ReadonlyMap<string, string>,
): CaseLearningView {
  const writes = grant.access.memberOf.has(caseId) && !asOf;
  return {
    caseId,
    asOf: asOf?.toISOString() ?? null,
    classification: grant.classification as Classification,
    incidents: facts.incidents.map((i) => ({ ...i, classification: i.marking.classification, originator: i.marking.originator, marking: undefined })).map(({ marking: _m, caseId: _c, ...i }) => i),
    evaluations: facts.evaluations.map((e) => evaluationView(e, facts.lessons)),
    reassessment: asOf ? null : reassessment(grant, facts.incidents, now),
    may: {
      recordIncident: writes && mayOnLearning(actor, 'recordIncident'),
      leadEvaluation: writes && mayOnLearning(actor, 'leadEvaluation'),
      contribute: writes && mayOnLearning(actor, 'contribute'),
      personExperience: writes && mayOnLearning(actor, 'personExperience'),
    },
    names: Object.fromEntries(names),
  };
}

/** Every user id the view names. */
export const namedUsers = (facts: LearningFacts): string[] => [
  ...new Set([
    ...facts.incidents.map((i) => i.recordedBy),
    ...facts.evaluations.flatMap((e) => [...e.contributions.map((c) => c.by), ...(e.personExperience ? [e.personExperience.by] : [])]),
  ]),
];
