import { acceptedAssignmentCaseIds, type DatabaseHandle } from '@hoeder/db';
import type { AppDeps } from './app';
import { createAssessmentService } from './assessments/assessment.service';
import { loadMethodTemplates } from './assessments/method-template-catalogue';
import { createAuditService } from './audit/audit.service';
import { loadAuditSigningKey } from './audit/audit-signing-key';
import { createCheckpointService } from './audit/checkpoint.service';
import { createBreakGlassService } from './cases/break-glass.service';
import { createCaseService } from './cases/case.service';
import type { AppConfig } from './config';
import type { Clock } from './platform/clock';
import { createUserService } from './users/user.service';
import { createGuard } from './platform/guard/guard';
import { createPolicyStore } from './policy/policy-store';
import { createPolicyService } from './policy/policy.service';
import { createPolicyDecisionService } from './policy/policy-decisions.service';
import { createPolicyImpact } from './policy/policy-impact';
import { createMasterDataService } from './execution/master-data.service';
import { createAgendaService } from './execution/agenda.service';
import { createCoordinationService } from './coordination/coordination.service';
import { createPersonService } from './persons/person.service';
import { createContactLogService } from './persons/contact-log.service';
import { createPlanningInputService, masterDataPlanningInputSource } from './execution/planning-input.service';
import { createAssignmentService } from './assignments/assignment.service';
import { createWorkQueueService, type WorkQueueSource } from './work/work-queue.service';
import { executionWorkSources } from './work/execution-work';
import { createJobWake } from './platform/jobs/job-wake';
import { createCaseSearchService } from './work/case-search.service';
import { createNotificationService } from './work/notification.service';
import { createNotifier } from './work/notifier';
import { createAuditViewerService } from './oversight/audit-viewer.service';
import { createBreakGlassReviewService } from './oversight/break-glass-review.service';
import { createStatisticsService } from './oversight/statistics.service';
import { anomalyAlertSource, createAnomalyAlertService } from './oversight/anomaly-alert.service';
import { createAnomalyDetector } from './oversight/anomaly-detector';
import { createQualityMonitorService } from './oversight/quality-monitor.service';
import { CURRENT_ANOMALY_RULESET, withThresholds } from '@hoeder/domain';
import type { PlanningInputSource } from './planning/planning-input';
import { operationalAgenda } from './execution/operational-agenda';
import { createPlanningService } from './planning/planning.service';
import { createRosterService } from './planning/roster.service';
import { createCapacityService } from './planning/capacity.service';
import { createLetterService } from './letters/letter.service';
import { createObjectionService } from './letters/objection.service';
import { OBJECTION_WORK_SOURCES } from './letters/objection-work';
import { createLearningService } from './learning/learning.service';
import { createLessonService } from './learning/lesson.service';
import { incidentWorkQueue } from './learning/incident-queue';
import { lessonWorkQueue } from './learning/lesson-queue';
import { createArrangementService } from './arrangements/arrangement.service';
import { followUpQueue } from './arrangements/follow-up-queue';

/** Plain factory wiring: every service gets exactly what it needs, nothing global. */
export function createServices(database: DatabaseHandle, config: AppConfig, clock: Clock, planningSource: PlanningInputSource = masterDataPlanningInputSource(acceptedAssignmentCaseIds, () => clock.now())): AppDeps {
  const db = database.db;
  // PGlite has one session that requests queue for (FIFO): small seals keep that queue short.
  const audit = createAuditService({ signingKey: loadAuditSigningKey(config), sealBatch: database.kind === 'pglite' ? 200 : 1000 });
  const policies = createPolicyStore({ db });
  const guard = createGuard({ db, audit });
  // Queues over other records reach "Voor mij": objections with a deadline and overdue follow-ups of
  // agreements, care and employer duties (issue 12), incidents to evaluate (issue 14), the LCC's and
  // unit leads' execution queues (issue 11), open access anomaly alerts for the inspectorate and the
  // security officer (ADR 0026).
  const anomalyRules = withThresholds(CURRENT_ANOMALY_RULESET, config.anomaly.thresholds);
  const workQueues = createWorkQueueService({ guard, sources: [...OBJECTION_WORK_SOURCES, followUpQueue as WorkQueueSource, incidentWorkQueue as WorkQueueSource, lessonWorkQueue as WorkQueueSource, ...executionWorkSources(), anomalyAlertSource] });
  const jobWake = createJobWake();
  return {
    config,
    db,
    clock,
    audit,
    checkpoints: createCheckpointService({ guard, audit }),
    cases: createCaseService({ guard, policies }),
    policies,
    policy: createPolicyService({ guard, policies }),
    policyDecisions: createPolicyDecisionService({ guard, policies }),
    policyImpact: createPolicyImpact({ guard, policies }),
    users: createUserService({ guard }),
    breakGlass: createBreakGlassService({ guard }),
    workQueues,
    caseSearch: createCaseSearchService({ guard }),
    notifications: createNotificationService({ guard }),
    notifier: createNotifier({ db, workQueues, clock }),
    auditViewer: createAuditViewerService({ guard, audit }),
    breakGlassReview: createBreakGlassReviewService({ guard }),
    statistics: createStatisticsService({ guard }),
    anomalyDetector: createAnomalyDetector({ audit, rules: anomalyRules }),
    anomalyAlerts: createAnomalyAlertService({ guard, rules: anomalyRules }),
    qualityMonitor: createQualityMonitorService({ guard }),
    assessments: createAssessmentService({ guard, templates: loadMethodTemplates(config.methodTemplatesDir) }),
    masterData: createMasterDataService({ guard }),
    agenda: createAgendaService({ guard }),
    coordination: createCoordinationService({ guard }),
    planningInput: createPlanningInputService({ guard }),
    // Units see the person's agenda only in the domains their posts concern (issue 11).
    assignments: createAssignmentService({ guard, agenda: operationalAgenda }),
    planningSource,
    planning: createPlanningService({ guard }),
    roster: createRosterService({ guard, jobWake }),
    jobWake,
    capacity: createCapacityService({ guard, source: planningSource }),
    persons: createPersonService({ guard }),
    contactLog: createContactLogService({ guard }),
    letters: createLetterService({ guard }),
    objections: createObjectionService({ guard }),
    learning: createLearningService({ guard }),
    // The lesson page shows a template loop closed once the catalogue holds a newer version (ADR 0030).
    lessons: createLessonService({ guard, policies, templates: loadMethodTemplates(config.methodTemplatesDir) }),
    arrangements: createArrangementService({ guard }),
  };
}
