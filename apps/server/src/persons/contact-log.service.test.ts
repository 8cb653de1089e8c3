import type { ContactEntryRequest } from '@hoeder/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithActiveMeasures, openServiceFixture, sampleRegistration, type ServiceFixture } from '../testing/service-fixture';

/** The contact log and the told-timeline on the real services (PGlite; PostgreSQL with TEST_PG_ADMIN_URL). */
let f: ServiceFixture;
let caseId = '';
beforeAll(async () => {
  f = await openServiceFixture();
  caseId = (await caseWithActiveMeasures(f)).caseId;
}, 120_000);
afterAll(() => f.close());

const entry = (overrides: Partial<ContactEntryRequest> = {}): ContactEntryRequest => ({
  expectedSeq: 0,
  contactDate: '2026-03-02',
  channel: 'in_person',
  spokeWith: 'Betrokkene en partner',
  discussed: 'Het pakket en de werkwijze van de beveiliging.',
  personAsked: 'Of er bewaking bij de woning komt.',
  promised: 'Terugbellen na overleg.',
  informationGiven: true,
  toldTopic: 'package_offer',
  message: 'Het pakket bevat cameratoezicht bij uw woning; R3 tot de herbeoordeling.',
  acknowledgeContradictions: false,
  ...overrides,
});
const DAY = 86_400_000;

describe('the contact log', () => {
  it('logs an agreeing message, and the told-timeline holds the package offer and the message', async () => {
    const logged = await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry());
    if (!logged.ok) throw new Error(logged.error.message);
    expect(logged.value.seq).toBe(1);
    expect(logged.value.entries[0]).toMatchObject({ contradictions: [], acknowledgedContradictions: false, recordedBy: { role: 'liaison' } });
    expect(logged.value.told.map((t) => t.kind)).toEqual(['package_offered', 'package_offer']);
    expect(logged.value.decisionInForce?.resistanceLevel).toBe('R3');
  });

  it('refuses a contradicting message until the liaison acknowledges the warning, and stores the acknowledgement', async () => {
    f.clock.advance(DAY);
    const message = 'Vanaf volgende week komt er bewaking bij uw woning.';
    const refused = await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry({ expectedSeq: 1, contactDate: '2026-03-03', message }));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'RULE_VIOLATION', details: { contradictions: [{ code: 'measure_not_in_package', mentioned: 'guard' }] } });
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM contact_log_entry`.execute(f.database.db);
    expect(Number(count.rows[0]!.n)).toBe(1);
    const logged = await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry({ expectedSeq: 1, contactDate: '2026-03-03', message, acknowledgeContradictions: true }));
    if (!logged.ok) throw new Error(logged.error.message);
    expect(logged.value.entries[0]).toMatchObject({ seq: 2, acknowledgedContradictions: true, contradictions: [{ code: 'measure_not_in_package' }] });
    const audit = await sql<{ details: unknown }>`SELECT details FROM audit_entry WHERE operation = 'contact_log.record' AND status = 'ok' ORDER BY seq DESC LIMIT 1`.execute(f.database.db);
    expect(JSON.stringify(audit.rows[0]!.details)).toContain('"acknowledged":true');
  });

  it('as of a moment shows what had been told then, and no editor', async () => {
    const firstDay = new Date('2026-03-02T12:00:00.000Z');
    const past = await f.deps.contactLog.view(f.ctx(), f.actor('besluit'), caseId, firstDay);
    if (!past.ok) throw new Error(past.error.message);
    expect(past.value).toMatchObject({ seq: 1, mayWrite: false, asOf: firstDay.toISOString() });
    expect(past.value.told.map((t) => t.kind)).toEqual(['package_offered', 'package_offer']);
    const now = await f.deps.contactLog.view(f.ctx(), f.actor('besluit'), caseId);
    expect(now.ok && now.value.told.length).toBe(3);
    expect(now.ok && now.value.mayWrite).toBe(false);
  });

  it('refuses a stale log (version conflict), a person of another case and an unknown corrected entry, storing nothing', async () => {
    expect(await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry({ expectedSeq: 0 }))).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    expect(await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry({ expectedSeq: 2, personId: crypto.randomUUID() }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'personId' } } });
    expect(await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry({ expectedSeq: 2, correctsEntryId: crypto.randomUUID() }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'correctsEntryId' } } });
  });

  it('a correction is a new entry with its reason; the original stays, marked as corrected by whom, when and why', async () => {
    const before = await f.deps.contactLog.view(f.ctx(), f.actor('liaison'), caseId);
    if (!before.ok) throw new Error(before.error.message);
    const original = before.value.entries.find((e) => e.seq === 1)!;
    f.clock.advance(DAY);
    const corrected = await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry({ expectedSeq: 2, contactDate: '2026-03-02', promised: 'Terugbellen binnen twee werkdagen.', correctsEntryId: original.entryId, correctionReason: 'De toezegging was onvolledig genoteerd.' }));
    if (!corrected.ok) throw new Error(corrected.error.message);
    const [correction, , first] = corrected.value.entries;
    expect(correction).toMatchObject({ seq: 3, correctsEntryId: original.entryId, correctionReason: 'De toezegging was onvolledig genoteerd.', correctedBy: null });
    expect(first).toMatchObject({ entryId: original.entryId, promised: original.promised, correctedBy: { entryId: correction!.entryId, reason: 'De toezegging was onvolledig genoteerd.', recordedBy: { role: 'liaison' }, recordedAt: f.clock.now().toISOString() } });
    // One correction per entry: a second one goes through the correction.
    expect(await f.deps.contactLog.log(f.ctx(), f.actor('liaison'), caseId, entry({ expectedSeq: 3, correctsEntryId: original.entryId, correctionReason: 'Nog eens.' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'correctsEntryId' } } });
    // As of a moment before the correction, the original is not yet marked.
    const past = await f.deps.contactLog.view(f.ctx(), f.actor('liaison'), caseId, new Date(f.clock.now().getTime() - 1000));
    expect(past.ok && past.value.entries.find((e) => e.entryId === original.entryId)?.correctedBy).toBeNull();
  });

  it('security: the app role cannot change or delete a logged contact (append-only)', async () => {
    await f.database.db.connection().execute(async (conn) => {
      await expect(sql`UPDATE contact_log_entry SET message = 'anders'`.execute(conn)).rejects.toThrow();
      await expect(sql`DELETE FROM contact_log_entry`.execute(conn)).rejects.toThrow();
      await expect(sql`UPDATE person SET full_name = 'anders'`.execute(conn)).rejects.toThrow();
    });
  });
});

describe("the person's file", () => {
  it('registration creates one person record per person, linked to the case', async () => {
    const rows = await sql<{ role: string; full_name: string }>`SELECT cp.role, p.full_name FROM case_person cp JOIN person p USING (person_id) WHERE cp.case_id = ${caseId} ORDER BY cp.role DESC`.execute(f.database.db);
    expect(rows.rows).toEqual([
      { role: 'threatened_person', full_name: 'Test Persoon' },
      { role: 'household_member', full_name: 'Test Partner' },
    ]);
  });

  it('warns intake about a likely duplicate (a warning, the registration still goes through)', async () => {
    const check = await f.deps.persons.duplicates(f.ctx(), f.actor('triage'), { persons: [{ fullName: 'Test  Persoon', dateOfBirth: '1980-01-04' }, { fullName: 'Iemand Anders' }] });
    expect(check.ok && check.value.matches).toEqual([expect.objectContaining({ index: 0, fullName: 'Test Persoon', dateOfBirth: '1980-04-01', strength: 'likely' })]);
  });

  it('keeps every version of the contact details; the newest is shown', async () => {
    const view = await f.deps.cases.view(f.ctx(), f.actor('liaison'), caseId);
    const personId = view.ok ? view.value.persons!.find((p) => p.role === 'threatened_person')!.personId : '';
    const address = { domain: 'home' as const, label: 'Woning', street: 'Laan 1', postcode: '1234 AB', city: 'Utrecht' };
    const first = await f.deps.persons.saveDetails(f.ctx(), f.actor('liaison'), personId, { expectedVersion: 0, phone: null, email: null, addresses: [address] });
    expect(first.ok && first.value.details?.version).toBe(1);
    const second = await f.deps.persons.saveDetails(f.ctx(), f.actor('liaison'), personId, { expectedVersion: 1, phone: '0612345678', email: null, addresses: [{ ...address, street: 'Laan 2' }] });
    expect(second.ok && second.value.details).toMatchObject({ version: 2, phone: '0612345678', addresses: [{ street: 'Laan 2' }] });
    const versions = await sql<{ n: string }>`SELECT count(*) AS n FROM person_details_version WHERE person_id = ${personId}`.execute(f.database.db);
    expect(Number(versions.rows[0]!.n)).toBe(2);
  });

  it('a registration linked to a known person keeps one record across cases; a reader sees only the cases they may', async () => {
    const view = await f.deps.cases.view(f.ctx(), f.actor('liaison'), caseId);
    const personId = view.ok ? view.value.persons!.find((p) => p.role === 'threatened_person')!.personId : '';
    const second = await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration({ persons: [{ personId, role: 'threatened_person', fullName: 'Test Persoon' }] }));
    if (!second.ok) throw new Error(second.error.message);
    const persons = await sql<{ n: string }>`SELECT count(*) AS n FROM person WHERE full_name = 'Test Persoon'`.execute(f.database.db);
    expect(Number(persons.rows[0]!.n)).toBe(1);
    const byTriage = await f.deps.persons.view(f.ctx(), f.actor('triage'), personId);
    expect(byTriage.ok && byTriage.value.cases.map((c) => c.caseId).sort()).toEqual([caseId, second.value.caseId].sort());
    // security: the liaison is on the first case only; the second is not even named to them.
    const byLiaison = await f.deps.persons.view(f.ctx(), f.actor('liaison'), personId);
    expect(byLiaison.ok && byLiaison.value.cases.map((c) => c.caseId)).toEqual([caseId]);
  });

  it('refuses a link to an unknown person and the same person twice, registering nothing', async () => {
    const before = await sql<{ n: string }>`SELECT count(*) AS n FROM case_summary`.execute(f.database.db);
    const unknown = await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration({ persons: [{ personId: crypto.randomUUID(), role: 'threatened_person', fullName: 'Niemand' }] }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'persons.0.personId' } } });
    const id = crypto.randomUUID();
    const twice = await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration({ persons: [{ personId: id, role: 'threatened_person', fullName: 'A' }, { personId: id, role: 'household_member', fullName: 'A' }] }));
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'persons.1.personId' } } });
    const after = await sql<{ n: string }>`SELECT count(*) AS n FROM case_summary`.execute(f.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
