import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOfficers, seedDemoOfficers } from '../demo/demo-master-data';
import { openServiceFixture, type ServiceFixture } from '../testing/service-fixture';
import { officersToCsv } from './officer-csv';

let f: ServiceFixture;
beforeAll(async () => {
  f = await openServiceFixture();
});
afterAll(() => f.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(f.database.db)).rows[0]?.n);

describe('demo officers', () => {
  it('seeds the planner benchmark\'s 1,200 officers over the 30 units in batches, with teams and leave', async () => {
    const started = Date.now();
    expect(await seedDemoOfficers(f.deps)).toBe(1200);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await count('officer')).toBe(1200);
    expect(await count('officer_absence')).toBeGreaterThan(50);
    const units = must(await f.deps.masterData.units(f.ctx(), f.actor('lcc')));
    expect(units).toHaveLength(30);
    expect(units.reduce((n, u) => n + u.officers, 0)).toBe(1200);
    expect(units.find((u) => u.unitId === 'dkdb-1')).toMatchObject({ officers: 60, teams: ['Team A', 'Team B', 'Team C', 'Team D', 'Team E'] });
    expect(await seedDemoOfficers(f.deps)).toBe(0);
  });
});

describe('officers are personal data (need-to-know)', () => {
  it('the LCC sees every unit, with contracts and leave', async () => {
    const all = must(await f.deps.masterData.officers(f.ctx(), f.actor('lcc'), {}));
    expect(all).toHaveLength(1200);
    expect(all.every((o) => o.contractCode !== null && o.absences !== null)).toBe(true);
  });

  it("a unit lead sees only their own unit's officers, and is refused another unit", async () => {
    const own = must(await f.deps.masterData.officers(f.ctx(), f.actor('politie'), {}));
    expect(new Set(own.map((o) => o.unitId))).toEqual(new Set(['be-1']));
    expect(own).toHaveLength(50);
    expect(own[0]!.contractCode).not.toBeNull();
    expect(await f.deps.masterData.officers(f.ctx(), f.actor('politie'), { unitId: 'bsb-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    const kmarOfficer = must(await f.deps.masterData.officers(f.ctx(), f.actor('kmar'), {}))[0]!;
    expect(await f.deps.masterData.officer(f.ctx(), f.actor('politie'), kmarOfficer.officerId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('nobody else sees officers: liaison, decision maker, inspector, administrator', async () => {
    for (const who of ['liaison', 'besluit', 'inspectie', 'beheer', 'triage', 'analist']) {
      expect(await f.deps.masterData.officers(f.ctx(), f.actor(who), {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    }
  });

  it('audits every read of officers with the ids served', async () => {
    const ctx = f.ctx();
    must(await f.deps.masterData.officers(ctx, f.actor('kmar'), {}));
    const [entry] = await f.database.db.selectFrom('audit_entry').select(['operation', 'status', 'details']).where('trace_id', '=', ctx.traceId).execute();
    expect(entry).toMatchObject({ operation: 'officer.list', status: 'ok' });
    expect((entry!.details as { officerIds: string[] }).officerIds).toHaveLength(50);
  });

  it('only the LCC records an absence; a category only', async () => {
    const [o] = must(await f.deps.masterData.officers(f.ctx(), f.actor('politie'), {}));
    expect(await f.deps.masterData.recordAbsence(f.ctx(), f.actor('politie'), o!.officerId, { from: '2026-03-09', until: '2026-03-10', reason: 'sick' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    const after = must(await f.deps.masterData.recordAbsence(f.ctx(), f.actor('lcc'), o!.officerId, { from: '2026-03-09', until: '2026-03-10', reason: 'sick' }));
    expect(after.absences).toContainEqual(expect.objectContaining({ from: '2026-03-09', until: '2026-03-10', reason: 'sick' }));
  });
});

describe('absences in bulk', () => {
  it('are the LCC\'s, and all or nothing: one unknown officer records none', async () => {
    const before = await count('officer_absence');
    const item = { officerId: 'o0003', from: '2026-04-01', until: '2026-04-02', reason: 'leave' as const };
    expect(await f.deps.masterData.recordAbsences(f.ctx(), f.actor('kmar'), [item])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    expect(await f.deps.masterData.recordAbsences(f.ctx(), f.actor('lcc'), [item, { ...item, officerId: 'nobody' }])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await count('officer_absence')).toBe(before);
    expect(must(await f.deps.masterData.recordAbsences(f.ctx(), f.actor('lcc'), [item, { ...item, officerId: 'o0004' }]))).toEqual({ recorded: 2 });
    expect(await count('officer_absence')).toBe(before + 2);
  });
});

describe('CSV import', () => {
  const header = 'officer_id,display_name,unit_id,team,qualifications,contract\n';

  it('previews a dry run without changing anything, then imports', async () => {
    const before = await count('officer');
    const csv = `${header}nieuw-1,Eva Nieuw,bb-3,Team Z,driver|armed,fulltime-36\no0001,Ander Naam,dkdb-1,Team A,close-protection,fulltime-40\n`;
    const dry = must(await f.deps.masterData.importOfficers(f.ctx(), f.actor('lcc'), { csv, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, applied: false, rows: 2, created: 1, updated: 1, errors: [] });
    expect(await count('officer')).toBe(before);
    const done = must(await f.deps.masterData.importOfficers(f.ctx(), f.actor('lcc'), { csv, dryRun: false }));
    expect(done.applied).toBe(true);
    expect(await count('officer')).toBe(before + 1);
    const [updated] = must(await f.deps.masterData.officers(f.ctx(), f.actor('lcc'), { unitId: 'dkdb-1' })).filter((o) => o.officerId === 'o0001');
    expect(updated).toMatchObject({ displayName: 'Ander Naam', contractCode: 'fulltime-40', qualifications: ['close-protection'] });
  });

  it('refuses a bad file whole, with an error per row and column', async () => {
    const before = await count('officer');
    const csv = `${header}goed-1,Goede Rij,bb-1,,driver,fulltime-36\nBAD ID,,bb-99,,flying,fulltime-99\ngoed-1,Dubbel,bb-1,,driver,fulltime-36\n`;
    const result = await f.deps.masterData.importOfficers(f.ctx(), f.actor('lcc'), { csv, dryRun: false });
    expect(result.ok).toBe(false);
    const issues = (result as unknown as { error: { details: { result: { errors: { row: number; column: string }[] } } } }).error.details.result.errors;
    expect(issues.map((e) => `${e.row}:${e.column}`)).toEqual(['3:officer_id', '3:display_name', '3:unit_id', '3:qualifications', '3:contract', '4:officer_id']);
    expect(await count('officer')).toBe(before);
  });

  it('names a missing column and refuses non-LCC importers', async () => {
    const result = await f.deps.masterData.importOfficers(f.ctx(), f.actor('lcc'), { csv: 'officer_id,display_name\nx,y\n', dryRun: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await f.deps.masterData.importOfficers(f.ctx(), f.actor('politie'), { csv: officersToCsv(demoOfficers().officers.slice(0, 1)), dryRun: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
  });
});
