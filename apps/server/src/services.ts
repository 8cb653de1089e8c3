import type { DatabaseHandle } from '@hoeder/db';
import type { AppDeps } from './app';
import { createAssessmentService } from './assessments/assessment.service';
import { createAuditService } from './audit/audit.service';
import { createBreakGlassService } from './cases/break-glass.service';
import { createCaseService } from './cases/case.service';
import type { AppConfig } from './config';
import type { Clock } from './platform/clock';
import { createUserService } from './users/user.service';

/** Plain factory wiring: every service gets exactly what it needs, nothing global. */
export function createServices(database: DatabaseHandle, config: AppConfig, clock: Clock): AppDeps {
  const db = database.db;
  const audit = createAuditService();
  return {
    config,
    db,
    clock,
    audit,
    cases: createCaseService({ db, audit }),
    users: createUserService({ db, audit }),
    breakGlass: createBreakGlassService({ db, audit }),
    assessments: createAssessmentService({ db, audit }),
  };
}
