import type { DecisionProposed, RecordedCaseEvent } from '../cases/case-events';
import { listMeasures } from '../policy/measures';
import { PACKAGE_CATALOGUE } from '../cases/package-catalogue';

/**
 * "What the person has been told" (issue 12 item 2): one timeline from the case stream (the
 * package offered on approval, each later change, the end of protection) and the contact log's
 * entries flagged as information given (released background of the threat, refusals, other
 * information). As of a moment it holds only what Hoeder had recorded by then.
 */
export const TOLD_TOPICS = ['threat_background', 'package_offer', 'package_change', 'refusal', 'other'] as const;
export type ToldTopic = (typeof TOLD_TOPICS)[number];

/** A contact-log entry as the timeline reads it. */
export interface ToldContact {
  entryId: string;
  contactDate: string;
  informationGiven: boolean;
  toldTopic: ToldTopic | null;
  message: string;
  recordedBy: string;
  recordedAt: string;
}

export type ToldKind = 'package_offered' | 'package_changed' | 'protection_ended' | ToldTopic;

export interface ToldItem {
  /** When it was told (the approval moment, or the date of the contact). */
  at: string;
  kind: ToldKind;
  source: 'decision' | 'contact_log';
  recordedAt: string;
  recordedBy: string;
  decisionId?: string;
  resistanceLevel?: string;
  measures?: string[];
  reviewDate?: string;
  entryId?: string;
  message?: string;
}

const measuresOf = (p: DecisionProposed): string[] =>
  p.policy ? [...listMeasures(p.policy.chosen.measures).map((m) => m.measure), ...p.policy.chosen.careModules] : (PACKAGE_CATALOGUE.find((c) => c.code === p.packageCode)?.measures.map((m) => m.measure) ?? []);

/** The decision side: an approved package is what was offered; a later approval changes it. */
function fromStream(events: readonly RecordedCaseEvent[]): ToldItem[] {
  const proposals = new Map<string, DecisionProposed>();
  const items: ToldItem[] = [];
  for (const e of events) {
    const body = e.body;
    if (body.type === 'DecisionProposed') proposals.set(body.decisionId, body);
    if (body.type === 'DecisionApproved') {
      const p = proposals.get(body.decisionId);
      if (!p) continue;
      const first = !items.some((i) => i.source === 'decision');
      items.push({ at: e.occurredAt, kind: first ? 'package_offered' : 'package_changed', source: 'decision', recordedAt: e.occurredAt, recordedBy: e.actorId, decisionId: p.decisionId, resistanceLevel: p.resistanceLevel, measures: measuresOf(p), reviewDate: p.reviewDate });
    }
    if (body.type === 'CaseEnded') items.push({ at: e.occurredAt, kind: 'protection_ended', source: 'decision', recordedAt: e.occurredAt, recordedBy: e.actorId, message: body.reason });
  }
  return items;
}

const fromContact = (c: ToldContact): ToldItem => ({ at: c.contactDate, kind: c.toldTopic ?? 'other', source: 'contact_log', recordedAt: c.recordedAt, recordedBy: c.recordedBy, entryId: c.entryId, message: c.message });

/** The timeline, oldest first; with `asOf` only what had been recorded by then. */
export function toldTimeline(events: readonly RecordedCaseEvent[], contacts: readonly ToldContact[], asOf?: Date): ToldItem[] {
  const known = (recordedAt: string) => !asOf || Date.parse(recordedAt) <= asOf.getTime();
  const items = [...fromStream(events.filter((e) => known(e.occurredAt))), ...contacts.filter((c) => c.informationGiven && known(c.recordedAt)).map(fromContact)];
  return items.sort((a, b) => a.at.slice(0, 10).localeCompare(b.at.slice(0, 10)) || a.recordedAt.localeCompare(b.recordedAt));
}
