import { mayBuildPlanningInput } from '@hoeder/domain';
import type { AgendaReadGrant, CaseSetGrant, Db, OfficerGrant } from '@hoeder/db';
import { mintAgendaRead, mintCaseSet, mintOfficerRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { forbidden, type Checked } from './guard';

/** The cases whose posts go into a plan; the default is every case with active measures. */
export type PlanningCaseFilter = (trx: Db) => Promise<string[]>;

export interface PlanningInputGrants {
  officers: OfficerGrant;
  agendas: AgendaReadGrant;
  /** The cases' measures, read whole; nothing of them leaves but posts (an aggregate grant). */
  cases: CaseSetGrant;
}

const PURPOSE = 'protection.execution_planning';

/**
 * The grants of a planning run. Used by the guarded check below and by the planning worker, which
 * runs a job an LCC coordinator requested through the guard (the request was checked and audited).
 */
export async function planningInputGrants(trx: Db, filter: PlanningCaseFilter): Promise<PlanningInputGrants> {
  const caseIds = await filter(trx);
  return { officers: mintOfficerRead('all', true), agendas: mintAgendaRead(caseIds), cases: mintCaseSet(caseIds, new Set(['measures', 'agenda']), 'aggregate') };
}

/** Building the planner's input (every officer, every planned case's agenda and measures): the LCC. */
export const planningInputCheck =
  (filter: PlanningCaseFilter) =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<PlanningInputGrants>> => {
    if (!mayBuildPlanningInput(actor)) return forbidden('planning is done by the LCC', PURPOSE);
    const grant = await planningInputGrants(trx, filter);
    return { ok: true, grant, purpose: PURPOSE, details: { caseIds: grant.cases.caseIds } };
  };
