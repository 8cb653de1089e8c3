import { ACTIVITY_DOMAINS, type ActivityDomain } from '../policy/measures';

/**
 * The protected person's agenda (issue 11 item 3, DOMAIN §7: the person's day leads the design).
 * An activity has a time window within one day, a recurrence, a place category (never an address)
 * and a domain and priority; posts are derived from it. Times are "HH:MM", "24:00" ends a day.
 */
export const PLACE_CATEGORIES = ['home', 'workplace', 'public_place', 'transport_route', 'school', 'care_facility', 'event_venue', 'other'] as const;
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];

export const PLACE_CATEGORY_LABELS_NL: Record<PlaceCategory, string> = {
  home: 'woning',
  workplace: 'werkplek',
  public_place: 'openbare ruimte',
  transport_route: 'reisroute',
  school: 'school of opleiding',
  care_facility: 'zorginstelling',
  event_venue: 'evenementlocatie',
  other: 'overig',
};

export const ACTIVITY_PRIORITIES = ['high', 'normal', 'low'] as const;
export type ActivityPriority = (typeof ACTIVITY_PRIORITIES)[number];

export const ACTIVITY_PRIORITY_LABELS_NL: Record<ActivityPriority, string> = { high: 'hoog', normal: 'normaal', low: 'laag' };

/** Weekly on some weekdays (0 = Monday), once on a date, or on weekdays within a date range. */
export type Recurrence =
  | { kind: 'weekly'; weekdays: number[] }
  | { kind: 'once'; date: string }
  | { kind: 'range'; from: string; until: string; weekdays: number[] };

export interface AgendaActivity {
  activityId: string;
  /** A short Dutch description ("Werk", "Sportschool"); no addresses or names of others. */
  label: string;
  domain: ActivityDomain;
  placeCategory: PlaceCategory;
  priority: ActivityPriority;
  start: string;
  end: string;
  recurrence: Recurrence;
}

export interface AgendaItemError {
  index: number;
  field: string;
  message: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** Whether the activity takes place on a date. */
export function occursOn(a: AgendaActivity, date: string): boolean {
  const r = a.recurrence;
  if (r.kind === 'once') return r.date === date;
  if (r.kind === 'range' && (date < r.from || date > r.until)) return false;
  return r.weekdays.includes(weekdayOf(date));
}

/** Two activities share a weekday pattern or a date: checked on the dates either can fall on. */
function mayShareADay(a: AgendaActivity, b: AgendaActivity): boolean {
  const dates = (x: AgendaActivity): string[] | 'weekly' => (x.recurrence.kind === 'once' ? [x.recurrence.date] : 'weekly');
  const da = dates(a);
  const db = dates(b);
  if (da !== 'weekly') return da.some((d) => occursOn(b, d));
  if (db !== 'weekly') return db.some((d) => occursOn(a, d));
  const wa = (a.recurrence as { weekdays: number[] }).weekdays;
  const wb = (b.recurrence as { weekdays: number[] }).weekdays;
  if (!wa.some((w) => wb.includes(w))) return false;
  const range = (x: AgendaActivity) => (x.recurrence.kind === 'range' ? [x.recurrence.from, x.recurrence.until] : ['0000-01-01', '9999-12-31']);
  const [fa, ua] = range(a) as [string, string];
  const [fb, ub] = range(b) as [string, string];
  return fa <= ub && fb <= ua;
}

function itemErrors(a: AgendaActivity, index: number): AgendaItemError[] {
  const errors: AgendaItemError[] = [];
  const err = (field: string, message: string) => errors.push({ index, field, message });
  if (!(ACTIVITY_DOMAINS as readonly string[]).includes(a.domain)) err('domain', `unknown domain "${String(a.domain)}"`);
  if (!(PLACE_CATEGORIES as readonly string[]).includes(a.placeCategory)) err('placeCategory', `unknown place category "${String(a.placeCategory)}"`);
  if (!TIME.test(a.start)) err('start', 'must be a time HH:MM');
  if (!TIME.test(a.end)) err('end', 'must be a time HH:MM (24:00 ends the day)');
  if (TIME.test(a.start) && TIME.test(a.end) && minutesOf(a.end) <= minutesOf(a.start)) err('end', 'must be after start (split an activity that crosses midnight)');
  const r = a.recurrence;
  if (r.kind !== 'once' && (r.weekdays.length === 0 || r.weekdays.some((w) => !Number.isInteger(w) || w < 0 || w > 6))) err('recurrence.weekdays', 'at least one weekday, 0 (Monday) to 6 (Sunday)');
  if (r.kind === 'range' && r.until < r.from) err('recurrence.until', 'must not be before recurrence.from');
  return errors;
}

/**
 * Every problem of a whole agenda, per item: a bad field, a duplicate id, or an activity that
 * overlaps another of the same person in time. An agenda with any error is refused whole.
 */
export function validateAgenda(activities: readonly AgendaActivity[]): AgendaItemError[] {
  const errors = activities.flatMap(itemErrors);
  const ids = new Set<string>();
  activities.forEach((a, i) => {
    if (ids.has(a.activityId)) errors.push({ index: i, field: 'activityId', message: `duplicate activity id ${a.activityId}` });
    ids.add(a.activityId);
  });
  if (errors.length > 0) return errors;
  for (let i = 0; i < activities.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [activities[i]!, activities[j]!];
      const overlapInTime = minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end);
      if (overlapInTime && mayShareADay(a, b)) errors.push({ index: i, field: 'start', message: `overlaps activity ${j + 1} ("${b.label}") of the same person` });
    }
  }
  return errors;
}

export interface AgendaChange {
  added: string[];
  removed: string[];
  changed: { activityId: string; fields: string[] }[];
}

/** What changed between two versions of an agenda, by activity id and field. */
export function diffAgenda(before: readonly AgendaActivity[], after: readonly AgendaActivity[]): AgendaChange {
  const old = new Map(before.map((a) => [a.activityId, a]));
  const now = new Map(after.map((a) => [a.activityId, a]));
  const fields = ['label', 'domain', 'placeCategory', 'priority', 'start', 'end', 'recurrence'] as const;
  return {
    added: after.filter((a) => !old.has(a.activityId)).map((a) => a.activityId),
    removed: before.filter((a) => !now.has(a.activityId)).map((a) => a.activityId),
    changed: after.flatMap((a) => {
      const o = old.get(a.activityId);
      if (!o) return [];
      const f = fields.filter((k) => JSON.stringify(o[k]) !== JSON.stringify(a[k]));
      return f.length > 0 ? [{ activityId: a.activityId, fields: [...f] }] : [];
    }),
  };
}

export const timeMinutes = minutesOf;
