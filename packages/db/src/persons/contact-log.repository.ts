import type { ContactLogEntry } from '@hoeder/domain';
import { sql } from 'kysely';
import type { ContactLogGrant } from '../access/grants';
import type { Db } from '../schema';

type NewEntry = Omit<ContactLogEntry, 'caseId' | 'recordedAt'>;

/** One case's contact log, oldest first (personal data: only with the case's contact-log grant). */
export async function loadContactLog(db: Db, grant: ContactLogGrant, caseId: string): Promise<ContactLogEntry[]> {
  if (grant.caseId !== caseId) return [];
  const rows = await db
    .selectFrom('contact_log_entry')
    .selectAll()
    .select(sql<string>`contact_date::text`.as('day'))
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    entryId: r.entry_id,
    caseId: r.case_id,
    seq: r.seq,
    personId: r.person_id,
    contactDate: r.day,
    channel: r.channel as ContactLogEntry['channel'],
    spokeWith: r.spoke_with,
    discussed: r.discussed,
    personAsked: r.person_asked,
    promised: r.promised,
    informationGiven: r.information_given,
    toldTopic: r.told_topic as ContactLogEntry['toldTopic'],
    message: r.message,
    contradictions: JSON.parse(r.contradictions) as ContactLogEntry['contradictions'],
    acknowledgedContradictions: r.acknowledged_contradictions,
    correctsEntryId: r.corrects_entry_id,
    correctionReason: r.correction_reason,
    recordedBy: r.recorded_by,
    recordedRole: r.recorded_role,
    recordedAt: new Date(r.recorded_at).toISOString(),
  }));
}

/** Appends an entry after `seq - 1`; the primary key (case_id, seq) refuses a lost race. */
export async function appendContactEntry(db: Db, grant: ContactLogGrant, entry: NewEntry, at: Date): Promise<void> {
  if (!grant.write) throw new Error('a contact-log read grant cannot append');
  await db
    .insertInto('contact_log_entry')
    .values({
      case_id: grant.caseId,
      seq: entry.seq,
      entry_id: entry.entryId,
      person_id: entry.personId,
      contact_date: entry.contactDate,
      channel: entry.channel,
      spoke_with: entry.spokeWith,
      discussed: entry.discussed,
      person_asked: entry.personAsked,
      promised: entry.promised,
      information_given: entry.informationGiven,
      told_topic: entry.toldTopic,
      message: entry.message,
      contradictions: JSON.stringify(entry.contradictions),
      acknowledged_contradictions: entry.acknowledgedContradictions,
      corrects_entry_id: entry.correctsEntryId,
      correction_reason: entry.correctionReason ?? null,
      recorded_by: entry.recordedBy,
      recorded_role: entry.recordedRole,
      recorded_at: at,
    })
    .execute();
}
