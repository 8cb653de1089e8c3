import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearNotifications, listNotifications, unsentMail, markMailSent } from '@hoeder/db';
import type { Result } from '@hoeder/domain';
import { openServiceFixture, samplePolicyFacts, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';
import { finaliseDaf } from '../assessments/daf-flow';
import { MAIL_LINK } from './notifier';

let f: ServiceFixture;
const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
let caseId = '';
let version = 0;
let decisionId = '';

beforeAll(async () => {
  f = await openServiceFixture();
  caseId = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration())).caseId;
  version = 1;
  for (const u of ['analist', 'analist2', 'besluit', 'besluit2']) version = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, version, { type: 'AssignMember', userId: userIdOf(u) })).version;
  const facts = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  version = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, version, { type: 'CompleteTriage', facts, outcome: 'national', motivation: 'Nationaal.' })).version;
  version = (await finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2026-12-01' })).caseVersion;
}, 120_000);
afterAll(() => f.close());

const open = async (username: string) => (await listNotifications(f.database.db, userIdOf(username))).map((n) => `${n.queueId}|${n.caseId}`);

describe('work notifications and the mail outbox', () => {
  it('notifies new work once, mails a link only, and clears what left the queue', async () => {
    await f.deps.notifier.notifyOnce();
    expect(await open('besluit')).toEqual([`decision_to_propose|${caseId}`]);
    expect(await open('besluit2')).toEqual([`decision_to_propose|${caseId}`]);
    const mails = await unsentMail(f.database.db);
    expect(mails.map((m) => m.userId).sort()).toEqual([userIdOf('besluit'), userIdOf('besluit2')].sort());
    // The mail carries no case: a link into the queues only.
    expect(mails.every((m) => m.link === MAIL_LINK && !JSON.stringify(m).includes(caseId.slice(0, 8)))).toBe(true);
    await markMailSent(f.database.db, mails.map((m) => m.messageId), f.clock.now());

    // A second round with nothing new: no new notification, no mail.
    await f.deps.notifier.notifyOnce();
    expect(await open('besluit')).toEqual([`decision_to_propose|${caseId}`]);
    expect(await unsentMail(f.database.db)).toEqual([]);

    // besluit proposes: the proposal waits for besluit2 (four eyes), never for besluit.
    decisionId = crypto.randomUUID();
    version = must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, { type: 'ProposeDecision', decisionId, facts: samplePolicyFacts(), factOverrides: [], motivation: 'Hoge dreiging.', reviewDate: '2026-09-01' })).version;
    await f.deps.notifier.notifyOnce();
    expect(await open('besluit')).toEqual([]);
    expect(await open('besluit2')).toEqual([`decision_to_approve|${caseId}`]);
    expect((await unsentMail(f.database.db)).map((m) => m.userId)).toEqual([userIdOf('besluit2')]);
  });

  it('a round reads each user’s queues once: one audit entry per user, with the sources in it', async () => {
    const before = (await f.database.db.selectFrom('audit_entry').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst())?.seq ?? 0;
    const round = await f.deps.notifier.notifyOnce();
    const entries = await f.database.db.selectFrom('audit_entry').select(['operation', 'user_id']).where('seq', '>', before).where('operation', 'like', 'work.%').execute();
    expect(round.users).toBeGreaterThan(5);
    expect(entries.map((e) => e.operation)).toEqual(Array.from({ length: round.users }, () => 'work.queues'));
    expect(new Set(entries.map((e) => e.user_id)).size).toBe(round.users);
  });

  it('notifies each item once when two instances run a round at the same time', async () => {
    // Start from nothing told: clear what is open and send what waits (the app may not delete).
    await clearNotifications(f.database.db, (await listNotifications(f.database.db, userIdOf('besluit2'))).map((n) => n.notificationId), f.clock.now());
    await markMailSent(f.database.db, (await unsentMail(f.database.db)).map((m) => m.messageId), f.clock.now());
    await Promise.all([f.deps.notifier.notifyOnce(), f.deps.notifier.notifyOnce()]);
    expect(await open('besluit2')).toEqual([`decision_to_approve|${caseId}`]);
    expect((await unsentMail(f.database.db)).map((m) => m.userId)).toEqual([userIdOf('besluit2')]);
  });

  it('users read their own notifications only', async () => {
    const [mine] = await listNotifications(f.database.db, userIdOf('besluit2'));
    expect(must(await f.deps.notifications.list(f.ctx(), f.actor('besluit2'))).map((n) => n.notificationId)).toEqual([mine!.notificationId]);
    expect(await f.deps.notifications.markRead(f.ctx(), f.actor('besluit'), mine!.notificationId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(must(await f.deps.notifications.markRead(f.ctx(), f.actor('besluit2'), mine!.notificationId))).toEqual({ notificationId: mine!.notificationId });
    expect((await listNotifications(f.database.db, userIdOf('besluit2')))[0]?.readAt).not.toBeNull();
  });
});
