import type { AgendaActivity, AgendaChange } from '@hoeder/domain';
import type { AgendaReadGrant, AgendaWriteGrant } from '../access/grants';
import type { Db } from '../schema';

export interface AgendaVersionRow {
  caseId: string;
  version: number;
  activities: AgendaActivity[];
  changes: AgendaChange;
  recordedBy: string;
  recordedRole: string;
  recordedAt: string;
}

const toRow = (r: { case_id: string; version: number; activities: string; changes: string; recorded_by: string; recorded_role: string; recorded_at: Date | string }): AgendaVersionRow => ({
  caseId: r.case_id,
  version: r.version,
  activities: JSON.parse(r.activities) as AgendaActivity[],
  changes: JSON.parse(r.changes) as AgendaChange,
  recordedBy: r.recorded_by,
  recordedRole: r.recorded_role,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

/** Every version of one case's agenda, oldest first. */
export async function loadAgendaVersions(db: Db, grant: AgendaReadGrant | AgendaWriteGrant, caseId: string): Promise<AgendaVersionRow[]> {
  const allowed = 'caseId' in grant ? grant.caseId === caseId : grant.caseIds.has(caseId);
  if (!allowed) return [];
  const rows = await db.selectFrom('agenda_version').selectAll().where('case_id', '=', caseId).orderBy('version').execute();
  return rows.map(toRow);
}

/** The agenda of each granted case as it stood at `at` (the newest version recorded by then). */
export async function agendasAsOf(db: Db, grant: AgendaReadGrant, at: Date): Promise<Map<string, AgendaVersionRow>> {
  const ids = [...grant.caseIds];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('agenda_version')
    .selectAll()
    .distinctOn('case_id')
    .where('case_id', 'in', ids)
    .where('recorded_at', '<=', at)
    .orderBy('case_id')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.case_id, toRow(r)]));
}

/** Appends a version; the primary key (case_id, version) refuses a lost race. */
export async function appendAgendaVersion(db: Db, grant: AgendaWriteGrant, row: Omit<AgendaVersionRow, 'caseId' | 'recordedAt'>, at: Date): Promise<void> {
  await db
    .insertInto('agenda_version')
    .values({
      case_id: grant.caseId,
      version: row.version,
      activities: JSON.stringify(row.activities),
      changes: JSON.stringify(row.changes),
      recorded_by: row.recordedBy,
      recorded_role: row.recordedRole,
      recorded_at: at,
    })
    .execute();
}

/** Ids of the cases in the given phases (no personal data): the planner's default case filter. */
export async function listCaseIdsInPhases(db: Db, phases: readonly string[]): Promise<string[]> {
  if (phases.length === 0) return [];
  const rows = await db.selectFrom('case_summary').select('case_id').where('phase', 'in', phases as never[]).orderBy('reference').execute();
  return rows.map((r) => r.case_id);
}
