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
import { createPlanningInputService, masterDataPlanningInputSource } from './execution/planning-input.service';
import { createAssignmentService } from './assignments/assignment.service';
import { createWorkQueueService } from './work/work-queue.service';
import { createCaseSearchService } from './work/case-search.service';
import { createNotificationService } from './work/notification.service';
import { createNotifier } from './work/notifier';
import { createAuditViewerService } from './oversight/audit-viewer.service';
import { createBreakGlassReviewService } from './oversight/break-glass-review.service';
import { createStatisticsService } from './oversight/statistics.service';
import type { PlanningInputSource } from './planning/planning-input';
import { operationalAgenda } from './execution/operational-agenda';
import { createPlanningService } from './planning/planning.service';
import { createRosterService } from './planning/roster.service';
import { createCapacityService } from './planning/capacity.service';
import { createLetterService } from './letters/letter.service';
import { createObjectionService } from './letters/objection.service';
import { OBJECTION_WORK_SOURCES } from './letters/objection-work';

/** Plain factory wiring: every service gets exactly what it needs, nothing global. */
export function createServices(database: DatabaseHandle, config: AppConfig, clock: Clock, planningSource: PlanningInputSource = masterDataPlanningInputSource(acceptedAssignmentCaseIds, () => clock.now())): AppDeps {
  const db = database.db;
  // PGlite has one session that requests queue for (FIFO): small seals keep that queue short.
  const audit = createAuditService({ signingKey: loadAuditSigningKey(config), sealBatch: database.kind === 'pglite' ? 200 : 1000 });
  const policies = createPolicyStore({ db });
  const guard = createGuard({ db, audit });
  // Objections with a deadline reach "Voor mij" (issue 12 item 8).
  const workQueues = createWorkQueueService({ guard, sources: [...OBJECTION_WORK_SOURCES] });
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
    assessments: createAssessmentService({ guard, templates: loadMethodTemplates(config.methodTemplatesDir) }),
    masterData: createMasterDataService({ guard }),
    agenda: createAgendaService({ guard }),
    planningInput: createPlanningInputService({ guard }),
    // Units see the person's agenda only in the domains their posts concern (issue 11).
    assignments: createAssignmentService({ guard, agenda: operationalAgenda }),
    planningSource,
    planning: createPlanningService({ guard }),
    roster: createRosterService({ guard }),
    capacity: createCapacityService({ guard, source: planningSource }),
    letters: createLetterService({ guard }),
    objections: createObjectionService({ guard }),
  };
}
