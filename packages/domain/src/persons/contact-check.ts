import type { ActiveDecision } from '../cases/case-state';
import { PACKAGE_CATALOGUE } from '../cases/package-catalogue';
import { listMeasures } from '../policy/measures';
import type { ResistanceLevel } from '../shared/vocabulary';

/**
 * The contradiction check (issue 12 item 2): before a message to the person is logged as sent,
 * it is compared with the decision in force, so the person does not get contradictory signals
 * (OvV). Free text is read for the measures it mentions (as data below), a resistance level and
 * a review date. It warns; the liaison decides and acknowledges, and that acknowledgement is kept.
 */
export type ContradictionCode = 'measure_not_in_package' | 'resistance_level_differs' | 'review_date_differs' | 'no_decision_in_force';

export interface Contradiction {
  code: ContradictionCode;
  /** What the message says (a topic key, level or date). */
  mentioned: string;
  /** What the decision in force says (null when it has nothing for it). */
  inForce: string | null;
}

/** A topic a message can mention, the words that mention it, and the measure codes that provide it. */
export interface MeasureTopic {
  topic: string;
  words: readonly string[];
  measures: readonly string[];
}

/** Words are matched at a word start, after removing accents and case. Legacy catalogue codes too. */
export const MEASURE_TOPICS: readonly MeasureTopic[] = [
  { topic: 'camera', words: ['camera', 'cameratoezicht'], measures: ['camera_surveillance_home', 'camera_surveillance_work', 'camera_surveillance'] },
  { topic: 'guard', words: ['bewaking', 'bewaakt', 'bewaken', 'beveiligers'], measures: ['static_guard_home', 'guard_workplace'] },
  { topic: 'transport', words: ['beveiligd vervoer', 'chauffeur', 'gepantserd', 'pantserauto'], measures: ['protected_transport', 'armoured_transport'] },
  { topic: 'escort', words: ['begeleiding', 'begeleid', 'persoonsbeveiliging', 'lijfwacht'], measures: ['escort_work_travel', 'escort_private_activities', 'close_protection_work', 'close_protection_private'] },
  { topic: 'alarm', words: ['alarmopvolging', 'alarm'], measures: ['alarm_follow_up_home', 'alarm_follow_up_work'] },
  { topic: 'technical', words: ['bouwkundige', 'technische maatregelen', 'inbraakwerend'], measures: ['technical_measures_home'] },
  { topic: 'peer_support', words: ['ervaringsdeskundige', 'lotgenoot'], measures: ['peer_support'] },
  { topic: 'care', words: ['psychosociale', 'psycholoog', 'traumazorg'], measures: ['care_person', 'care_partner', 'care_children', 'psychosocial_support_person', 'psychosocial_support_household', 'psychosocial_intake'] },
];

const REVIEW_WORDS = ['herbeoordeling', 'heroverweging', 'herziening', 'herijking', 'evaluatie', 'opnieuw bekeken', 'opnieuw beoordeeld'];
const NEGATIONS = new Set(['geen', 'niet', 'nooit', 'zonder']);
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is the word mentioned, and not right after a negation ("geen bewaking")? */
function mentions(text: string, word: string): boolean {
  for (const m of text.matchAll(new RegExp(`(?<![a-z])${escape(word)}`, 'g'))) {
    const before = text.slice(0, m.index).split(/[^a-z]+/).filter(Boolean).slice(-3);
    if (!before.some((w) => NEGATIONS.has(w))) return true;
  }
  return false;
}

/** Every measure and care-module code of the decision (policy decisions and legacy packages). */
export function measuresInForce(decision: ActiveDecision): Set<string> {
  if (decision.policy) return new Set([...listMeasures(decision.policy.chosen.measures).map((m) => m.measure), ...decision.policy.chosen.careModules]);
  const legacy = PACKAGE_CATALOGUE.find((p) => p.code === decision.packageCode);
  return new Set(legacy?.measures.map((m) => m.measure) ?? []);
}

const pad = (n: string | number) => String(n).padStart(2, '0');

/** Dates written in the text: 2027-03-01, 1-3-2027, 1/3/2027 or "1 maart 2027". */
export function datesIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) found.push(`${m[1]}-${m[2]}-${m[3]}`);
  for (const m of text.matchAll(/\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b/g)) found.push(`${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`);
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g'))) found.push(`${m[3]}-${pad(MONTHS.indexOf(m[2]!) + 1)}-${pad(m[1]!)}`);
  return found;
}

/** The contradictions between a message and the decision in force (none when it agrees). */
export function checkAgainstDecision(message: string, decision: ActiveDecision | undefined): Contradiction[] {
  const text = plain(message);
  const topics = MEASURE_TOPICS.filter((t) => t.words.some((w) => mentions(text, plain(w))));
  const levels = [...new Set([...text.matchAll(/(?<![a-z0-9])r([1-4])(?![0-9])/g)].map((m) => `R${m[1]}` as ResistanceLevel))];
  const dates = REVIEW_WORDS.some((w) => text.includes(w)) ? [...new Set(datesIn(text))] : [];
  if (!decision) {
    return topics.length + levels.length > 0 ? [{ code: 'no_decision_in_force', mentioned: [...topics.map((t) => t.topic), ...levels].join(', '), inForce: null }] : [];
  }
  const inForce = measuresInForce(decision);
  return [
    ...topics.filter((t) => !t.measures.some((m) => inForce.has(m))).map((t): Contradiction => ({ code: 'measure_not_in_package', mentioned: t.topic, inForce: null })),
    ...levels.filter((l) => l !== decision.resistanceLevel).map((l): Contradiction => ({ code: 'resistance_level_differs', mentioned: l, inForce: decision.resistanceLevel })),
    ...dates.filter((d) => d !== decision.reviewDate).map((d): Contradiction => ({ code: 'review_date_differs', mentioned: d, inForce: decision.reviewDate })),
  ];
}
