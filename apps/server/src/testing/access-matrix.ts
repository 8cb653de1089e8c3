import type { Database } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { HttpFixture } from './http-fixture';

/** The access-matrix tests (ADR 0006, 0010): each runs every demo account against its routes. */
export type MatrixFile = 'cases/need-to-know.test.ts' | 'cases/break-glass-matrix.test.ts' | 'assessments/daf-need-to-know.test.ts' | 'policy/policy-matrix.test.ts' | 'audit/checkpoints-matrix.test.ts'
  | 'execution/execution-matrix.test.ts'
  | 'planning/planning-matrix.test.ts' | 'assignments/assignment-matrix.test.ts'
  | 'work/work-matrix.test.ts'
  | 'oversight/oversight-matrix.test.ts'
  | 'persons/person-matrix.test.ts'
  | 'letters/letters-matrix.test.ts'
  | 'letters/letter-addressee.test.ts'
  | 'learning/learning-matrix.test.ts'
  | 'arrangements/arrangement-matrix.test.ts'
  | 'oversight/anomaly-matrix.test.ts'
  | 'coordination/coordination-matrix.test.ts';

/**
 * Every `/api` route, and the access matrix that covers it. `platform/route-coverage.test.ts`
 * fails when a registered route is missing here; each matrix fails when it did not request every
 * route this table gives it. Written out by hand: adding a route means adding it to a matrix.
 */
export const ACCESS_MATRIX: Record<string, MatrixFile> = {
  // issue 14: incidents, evaluations and lessons
  'GET /api/cases/:caseId/learning': 'learning/learning-matrix.test.ts',
  'POST /api/cases/:caseId/incidents': 'learning/learning-matrix.test.ts',
  'POST /api/cases/:caseId/evaluations': 'learning/learning-matrix.test.ts',
  'POST /api/cases/:caseId/evaluations/:evaluationId/contributions': 'learning/learning-matrix.test.ts',
  'POST /api/cases/:caseId/evaluations/:evaluationId/person-experience': 'learning/learning-matrix.test.ts',
  'POST /api/cases/:caseId/evaluations/:evaluationId/lessons': 'learning/learning-matrix.test.ts',
  'POST /api/cases/:caseId/evaluations/:evaluationId/close': 'learning/learning-matrix.test.ts',
  'GET /api/lessons': 'learning/learning-matrix.test.ts',
  'POST /api/lessons/:lessonId/policy-draft': 'learning/learning-matrix.test.ts',
  'GET /api/policy/versions/:version/lessons': 'learning/learning-matrix.test.ts',
  // ADR 0030: lesson follow-up, release, method-template link
  'POST /api/lessons/:lessonId/status': 'learning/learning-matrix.test.ts',
  'POST /api/lessons/:lessonId/release': 'learning/learning-matrix.test.ts',
  'POST /api/lessons/:lessonId/method-template': 'learning/learning-matrix.test.ts',
  'GET /api/cases': 'cases/need-to-know.test.ts',
  'POST /api/cases': 'cases/need-to-know.test.ts',
  'GET /api/cases/:caseId': 'cases/need-to-know.test.ts',
  'GET /api/cases/:caseId/timeline': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/members': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/triage': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/decisions': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/decisions/:decisionId/approve': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/decisions/:decisionId/reject': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/end': 'cases/need-to-know.test.ts',
  'GET /api/users': 'cases/need-to-know.test.ts',
  'GET /api/cases/:caseId/policy': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/policy/proposal': 'cases/need-to-know.test.ts',
  'POST /api/cases/:caseId/break-glass': 'cases/break-glass-matrix.test.ts',
  'GET /api/oversight/break-glass-grants': 'cases/break-glass-matrix.test.ts',
  'GET /api/cases/:caseId/assessment': 'assessments/daf-need-to-know.test.ts',
  'GET /api/cases/:caseId/assessment/compare': 'assessments/daf-need-to-know.test.ts',
  'GET /api/cases/:caseId/assessment/decision-basis/:decisionId': 'assessments/daf-need-to-know.test.ts',
  'GET /api/assessments/reassessment-due': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/items': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/drafts': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/draft': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/submit': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/challenges': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/return-to-draft': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/finalise': 'assessments/daf-need-to-know.test.ts',
  'POST /api/cases/:caseId/assessment/assumption-tests': 'assessments/daf-need-to-know.test.ts',
  'GET /api/policy/versions': 'policy/policy-matrix.test.ts',
  'GET /api/policy/versions/:version': 'policy/policy-matrix.test.ts',
  'POST /api/policy/versions/:version/draft': 'policy/policy-matrix.test.ts',
  'POST /api/policy/versions/:version/validate': 'policy/policy-matrix.test.ts',
  'POST /api/policy/versions/:version/impact': 'policy/policy-matrix.test.ts',
  'POST /api/policy/versions/:version/submit': 'policy/policy-matrix.test.ts',
  'POST /api/policy/versions/:version/publish': 'policy/policy-matrix.test.ts',
  'POST /api/policy/versions/:version/return': 'policy/policy-matrix.test.ts',
  'GET /api/policy/deviations': 'policy/policy-matrix.test.ts',
  'GET /api/assessment-templates': 'assessments/daf-need-to-know.test.ts',
  'GET /api/audit/checkpoints': 'audit/checkpoints-matrix.test.ts',
  'GET /api/units': 'execution/execution-matrix.test.ts',
  'GET /api/officers': 'execution/execution-matrix.test.ts',
  'GET /api/officers/:officerId': 'execution/execution-matrix.test.ts',
  'POST /api/officers/:officerId/absences': 'execution/execution-matrix.test.ts',
  'POST /api/officers/import': 'execution/execution-matrix.test.ts',
  'GET /api/cases/:caseId/agenda': 'execution/execution-matrix.test.ts',
  'POST /api/cases/:caseId/agenda': 'execution/execution-matrix.test.ts',
  'GET /api/cases/:caseId/agenda/posts': 'execution/execution-matrix.test.ts',
  'GET /api/assignments': 'assignments/assignment-matrix.test.ts',
  'GET /api/assignments/mine': 'assignments/assignment-matrix.test.ts',
  'GET /api/assignments/taskable-units': 'assignments/assignment-matrix.test.ts',
  'GET /api/assignments/:assignmentId': 'assignments/assignment-matrix.test.ts',
  'GET /api/assignments/:assignmentId/extract': 'assignments/assignment-matrix.test.ts',
  'GET /api/cases/:caseId/assignment': 'assignments/assignment-matrix.test.ts',
  'POST /api/assignments/:assignmentId/accept': 'assignments/assignment-matrix.test.ts',
  'POST /api/assignments/:assignmentId/units': 'assignments/assignment-matrix.test.ts',
  'POST /api/assignments/:assignmentId/concepts': 'assignments/assignment-matrix.test.ts',
  'POST /api/assignments/:assignmentId/acknowledge': 'assignments/assignment-matrix.test.ts',
  // issue 13: work queues and the overview at scale
  'GET /api/work/queues': 'work/work-matrix.test.ts',
  'GET /api/cases/search': 'work/work-matrix.test.ts',
  'GET /api/notifications': 'work/work-matrix.test.ts',
  'POST /api/notifications/:notificationId/read': 'work/work-matrix.test.ts',
  // issue 13: the inspectorate's tools and the advisory body's statistics
  'POST /api/oversight/break-glass-grants/:grantId/review': 'oversight/oversight-matrix.test.ts',
  'GET /api/audit/entries': 'oversight/oversight-matrix.test.ts',
  'GET /api/audit/entries/:seq/proof': 'oversight/oversight-matrix.test.ts',
  'GET /api/statistics': 'oversight/oversight-matrix.test.ts',
  // issue 13: access anomaly alerts and the quality monitor (ADR 0026)
  'GET /api/oversight/alerts': 'oversight/anomaly-matrix.test.ts',
  'POST /api/oversight/alerts/:alertId/close': 'oversight/anomaly-matrix.test.ts',
  'GET /api/quality-monitor': 'oversight/anomaly-matrix.test.ts',
  'POST /api/planning/runs': 'planning/planning-matrix.test.ts',
  'GET /api/planning/runs': 'planning/planning-matrix.test.ts',
  'GET /api/planning/runs/:runId': 'planning/planning-matrix.test.ts',
  'POST /api/planning/runs/:runId/cancel': 'planning/planning-matrix.test.ts',
  'GET /api/roster/versions': 'planning/planning-matrix.test.ts',
  'GET /api/roster/versions/:versionId': 'planning/planning-matrix.test.ts',
  'GET /api/roster/versions/:versionId/cases/:caseId': 'planning/planning-matrix.test.ts',
  'GET /api/roster/versions/:versionId/units/:unitId': 'planning/planning-matrix.test.ts',
  'GET /api/roster/versions/:versionId/officers/:officerId': 'planning/planning-matrix.test.ts',
  'POST /api/roster/versions/:versionId/publish': 'planning/planning-matrix.test.ts',
  'POST /api/roster/versions/:versionId/disruptions': 'planning/planning-matrix.test.ts',
  'GET /api/capacity': 'planning/planning-matrix.test.ts',
  'GET /api/roster/versions/:versionId/scenarios': 'planning/planning-matrix.test.ts',
  'POST /api/roster/versions/:versionId/scenarios': 'planning/planning-matrix.test.ts',
  // issue 14: crown witnesses and the coordinate interests of NCTV and OM
  'GET /api/coordination/cases': 'coordination/coordination-matrix.test.ts',
  'GET /api/cases/:caseId/coordination': 'coordination/coordination-matrix.test.ts',
  'POST /api/cases/:caseId/crown-witness': 'coordination/coordination-matrix.test.ts',
  'POST /api/cases/:caseId/crown-witness/inventory': 'coordination/coordination-matrix.test.ts',
  'POST /api/cases/:caseId/crown-witness/deal-public': 'coordination/coordination-matrix.test.ts',
  'POST /api/cases/:caseId/coordination/consultations': 'coordination/coordination-matrix.test.ts',
  'POST /api/cases/:caseId/coordination/weighings': 'coordination/coordination-matrix.test.ts',
  'POST /api/cases/:caseId/coordination/weighings/:weighingId/review': 'coordination/coordination-matrix.test.ts',
  // issue 12 items 1 and 2: the person's file and the contact log
  'GET /api/persons/:personId': 'persons/person-matrix.test.ts',
  'POST /api/persons/:personId/details': 'persons/person-matrix.test.ts',
  'POST /api/persons/duplicates': 'persons/person-matrix.test.ts',
  'GET /api/cases/:caseId/addresses': 'persons/person-matrix.test.ts',
  'GET /api/cases/:caseId/contact': 'persons/person-matrix.test.ts',
  'POST /api/cases/:caseId/contact': 'persons/person-matrix.test.ts',
  // issue 12: letters and objections
  'GET /api/cases/:caseId/letters': 'letters/letters-matrix.test.ts',
  'POST /api/cases/:caseId/letters': 'letters/letters-matrix.test.ts',
  'POST /api/cases/:caseId/letters/:letterId/approve': 'letters/letters-matrix.test.ts',
  'GET /api/cases/:caseId/letters/:letterId/pdf': 'letters/letters-matrix.test.ts',
  'GET /api/cases/:caseId/objections': 'letters/letters-matrix.test.ts',
  'POST /api/cases/:caseId/objections': 'letters/letters-matrix.test.ts',
  'POST /api/cases/:caseId/objections/:objectionId/steps': 'letters/letters-matrix.test.ts',
  // issue 12 item 4: letters addressed from records (ADR 0032)
  'GET /api/letters/local-authorities': 'letters/letter-addressee.test.ts',
  'POST /api/letters/local-authorities': 'letters/letter-addressee.test.ts',
  // issue 12 items 4–7: agreements, care referrals, the employer's duties, sourced policy facts
  'GET /api/cases/:caseId/arrangements': 'arrangements/arrangement-matrix.test.ts',
  'POST /api/cases/:caseId/agreements': 'arrangements/arrangement-matrix.test.ts',
  'POST /api/cases/:caseId/care-referrals': 'arrangements/arrangement-matrix.test.ts',
  'POST /api/cases/:caseId/employers': 'arrangements/arrangement-matrix.test.ts',
  'POST /api/cases/:caseId/arrangements/:arrangementId/steps': 'arrangements/arrangement-matrix.test.ts',
  'GET /api/cases/:caseId/policy-facts': 'arrangements/arrangement-matrix.test.ts',
};

/**
 * `/api` routes that touch no personal data and need no need-to-know check, with the reason.
 * Still behind the session (auth tests) where they are not public.
 */
export const OUTSIDE_THE_MATRIX: Record<string, string> = {
  'GET /api/me': "the caller's own session (auth.flow.test.ts)",
  'GET /api/openapi.json': 'the API description, no data',
  'POST /api/test/clock': 'test-only clock, registered only with HOEDER_TEST_CLOCK=adjustable (test-clock.test.ts)',
};

const pattern = (url: string) => new RegExp(`^${url.replace(/:[A-Za-z]+/g, '[^/?]+')}(\\?.*)?$`);

/** Records every request a matrix makes, to check afterwards that it reached each of its routes. */
export function trackRequests(f: HttpFixture): () => Set<string> {
  const seen = new Set<string>();
  const api = f.api.bind(f);
  f.api = (who, method, path, body) => {
    seen.add(`${method} ${path}`);
    return api(who, method, path, body);
  };
  return () => seen;
}

/** The routes of this matrix's table that none of the recorded requests reached. */
export function uncoveredRoutes(file: MatrixFile, seen: ReadonlySet<string>): string[] {
  const requests = [...seen];
  return Object.entries(ACCESS_MATRIX)
    .filter(([, f]) => f === file)
    .map(([route]) => route)
    .filter((route) => {
      const [method, url] = route.split(' ') as [string, string];
      const re = pattern(url);
      return !requests.some((r) => r.startsWith(`${method} `) && re.test(r.slice(method.length + 1)));
    });
}

/** The audit entries one request wrote, by its request id (= trace id). */
export async function auditOfRequest(db: Kysely<Database>, requestId: string) {
  return db.selectFrom('audit_entry').select(['operation', 'status', 'user_id', 'object_type', 'object_id']).where('trace_id', '=', requestId).execute();
}
