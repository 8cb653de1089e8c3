import { randomUUID } from 'node:crypto';
import type { OfficerImportRequest, OfficerImportResult, OfficerView, RecordAbsenceRequest, UnitView } from '@hoeder/contracts';
import { existingOfficerIds, insertAbsences, listAbsences, listOfficers, listTeams, listUnits, officerCountsByUnit, upsertOfficers, type AbsenceRow, type OfficerRow } from '@hoeder/db';
import { fail, ok, type Result } from '@hoeder/domain';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { officerRead, officerWrite, unitDirectory } from '../platform/guard/officer-check';
import { parseOfficerCsv } from './officer-csv';

const today = (now: Date) => now.toISOString().slice(0, 10);
const FAR = '9999-12-31';

function officerView(o: OfficerRow, absences: readonly AbsenceRow[] | null): OfficerView {
  return {
    officerId: o.officerId,
    unitId: o.unitId,
    teamName: o.teamName,
    displayName: o.displayName,
    qualifications: o.qualifications as OfficerView['qualifications'],
    contractCode: o.contractCode,
    absences: absences && absences.filter((a) => a.officerId === o.officerId).map((a) => ({ absenceId: a.absenceId, from: a.from, until: a.until, reason: a.reason })),
  };
}

/**
 * Units, teams and officers (issue 11 item 5) on the guarded layer: every read of officers is
 * audited with the officer ids served; the import is all-or-nothing in one transaction.
 */
export function createMasterDataService({ guard }: { guard: Guard }) {
  return {
    units: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<UnitView[]>> =>
      guard.withAccess(ctx, actor, { operation: 'unit.list', objectType: 'unit', check: unitDirectory() }, async ({ trx }) => {
        const [units, counts, teams] = [await listUnits(trx), await officerCountsByUnit(trx), await listTeams(trx)];
        return ok(units.map((u) => ({ unitId: u.unitId, name: u.name, kind: u.kind, organisation: u.organisation, region: u.region, officers: counts.get(u.unitId) ?? 0, teams: teams.filter((t) => t.unitId === u.unitId).map((t) => t.name) })));
      }),

    officers: (ctx: RequestContext, actor: AuthenticatedActor, query: { unitId?: string | undefined }): Promise<Result<OfficerView[]>> =>
      guard.withAccess(ctx, actor, { operation: 'officer.list', objectType: 'officer', objectId: query.unitId, check: officerRead(query.unitId) }, async ({ trx, grant, note }) => {
        const officers = await listOfficers(trx, grant, query.unitId ? { unitId: query.unitId } : {});
        const absences = grant.personal ? await listAbsences(trx, grant, { from: today(ctx.now), until: FAR }) : null;
        note({ officerIds: officers.map((o) => o.officerId), personal: grant.personal });
        return ok(officers.map((o) => officerView(o, absences)));
      }),

    officer: (ctx: RequestContext, actor: AuthenticatedActor, officerId: string): Promise<Result<OfficerView>> =>
      guard.withAccess(ctx, actor, { operation: 'officer.view', objectType: 'officer', objectId: officerId, check: officerRead() }, async ({ trx, grant }) => {
        const [officer] = await listOfficers(trx, grant, { officerIds: [officerId] });
        if (!officer) return fail('NOT_FOUND', 'officer not found');
        const absences = grant.personal ? await listAbsences(trx, grant, { from: '0000-01-01', until: FAR, officerId }) : null;
        return ok(officerView(officer, absences));
      }),

    recordAbsence: (ctx: RequestContext, actor: AuthenticatedActor, officerId: string, input: RecordAbsenceRequest): Promise<Result<OfficerView>> =>
      guard.withAccess(ctx, actor, { operation: 'officer.record_absence', objectType: 'officer', objectId: officerId, check: officerWrite() }, async ({ trx, grant, note }) => {
        const [officer] = await listOfficers(trx, grant.read, { officerIds: [officerId] });
        if (!officer) return fail('NOT_FOUND', 'officer not found');
        const absenceId = randomUUID();
        await insertAbsences(trx, grant.write, [{ absenceId, officerId, from: input.from, until: input.until, reason: input.reason, recordedBy: actor.userId }], ctx.now);
        note({ absenceId });
        const absences = await listAbsences(trx, grant.read, { from: '0000-01-01', until: FAR, officerId });
        return ok(officerView(officer, absences));
      }),

    /** Many absences in one access and one batch (the demo seed; a later bulk import): all or nothing. */
    recordAbsences: (ctx: RequestContext, actor: AuthenticatedActor, items: readonly (RecordAbsenceRequest & { officerId: string })[]): Promise<Result<{ recorded: number }>> =>
      guard.withAccess(ctx, actor, { operation: 'officer.record_absences', objectType: 'officer', check: officerWrite() }, async ({ trx, grant, note }) => {
        const ids = [...new Set(items.map((i) => i.officerId))];
        const known = new Set((await listOfficers(trx, grant.read, { officerIds: ids })).map((o) => o.officerId));
        const unknown = ids.filter((id) => !known.has(id));
        if (unknown.length > 0) return fail('NOT_FOUND', `officer not found: ${unknown.slice(0, 5).join(', ')}`);
        const rows = items.map((i) => ({ absenceId: randomUUID(), officerId: i.officerId, from: i.from, until: i.until, reason: i.reason, recordedBy: actor.userId }));
        await insertAbsences(trx, grant.write, rows, ctx.now);
        note({ absenceIds: rows.map((r) => r.absenceId), officerIds: ids });
        return ok({ recorded: rows.length });
      }),

    importOfficers: (ctx: RequestContext, actor: AuthenticatedActor, input: OfficerImportRequest): Promise<Result<OfficerImportResult>> =>
      guard.withAccess(ctx, actor, { operation: input.dryRun ? 'officer.import_preview' : 'officer.import', objectType: 'officer', check: officerWrite() }, async ({ trx, grant, note }) => {
        const units = new Set((await listUnits(trx, { includeInactive: true })).map((u) => u.unitId));
        const parsed = parseOfficerCsv(input.csv, units);
        const existing = await existingOfficerIds(trx, grant.write, parsed.officers.map((o) => o.officerId));
        const preview = parsed.officers.map((o) => ({ row: o.row, officerId: o.officerId, displayName: o.displayName, unitId: o.unitId, action: existing.has(o.officerId) ? ('update' as const) : ('create' as const) }));
        const result: OfficerImportResult = { dryRun: input.dryRun, applied: false, rows: parsed.officers.length, created: preview.filter((p) => p.action === 'create').length, updated: existing.size, errors: parsed.errors, preview };
        if (parsed.errors.length > 0) return fail('VALIDATION_FAILED', `the file has ${parsed.errors.length} error(s); nothing was imported`, { issues: parsed.errors.map((e) => ({ field: `row ${e.row}.${e.column}`, message: e.message })), result });
        if (!input.dryRun) await upsertOfficers(trx, grant.write, parsed.officers, ctx.now);
        note({ rows: result.rows, created: result.created, updated: result.updated, officerIds: parsed.officers.map((o) => o.officerId) });
        return ok({ ...result, applied: !input.dryRun });
      }),
  };
}

export type MasterDataService = ReturnType<typeof createMasterDataService>;
