/**
 * Statutory terms of the General Administrative Law Act (Awb) with the extension rule of the
 * Algemene termijnenwet (Atw). Pure: every function takes dates (YYYY-MM-DD) and the caller's
 * "today" from the injected clock; nothing reads the system time.
 */

/** Awb 6:7: six weeks to object; 7:10: six (twelve with an advisory committee) to decide, once +6. */
export const AWB_TERMS = {
  objectionWeeks: 6,
  decisionWeeks: 6,
  decisionWeeksWithCommittee: 12,
  extensionWeeks: 6,
  appealWeeks: 6,
} as const;

const parse = (date: string): Date => {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};
const format = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
};

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The generally recognised public holidays of Atw art. 3 in a year (Sundays aside): New Year's
 * Day, Easter Monday, Ascension Day, Whit Monday, Christmas and Boxing Day, King's Day (27 April,
 * the 26th when the 27th is a Sunday) and 5 May. Good Friday is not one under the Atw.
 */
export function atwHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const kingsDay = parse(`${year}-04-27`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return new Set([`${year}-01-01`, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50), kingsDay, `${year}-05-05`, `${year}-12-25`, `${year}-12-26`]);
}

/** Whether a day is a Saturday, a Sunday or an Atw holiday. */
export function isNonWorkingDay(date: string): boolean {
  const weekday = parse(date).getUTCDay();
  return weekday === 0 || weekday === 6 || atwHolidays(Number(date.slice(0, 4))).has(date);
}

/** Atw art. 1: a term that ends on a Saturday, Sunday or holiday runs to the next working day. */
export function extendToWorkingDay(date: string): string {
  let day = date;
  while (isNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The last day of a term of `weeks` weeks that starts the day after `from` (Awb 6:8): a term of
 * six weeks from the day after Monday 2 March ends on Monday 13 April, then the Atw extends it.
 */
export function termEnd(from: string, weeks: number): string {
  return extendToWorkingDay(addDays(from, weeks * 7));
}

/** The last day to object to a decision sent (made known) on `sentOn`. */
export const objectionDeadline = (sentOn: string): string => termEnd(sentOn, AWB_TERMS.objectionWeeks);

/** Whether an objection received on `receivedOn` is late (Awb 6:9: received after the term's last day). */
export const isLate = (receivedOn: string, deadline: string): boolean => receivedOn.slice(0, 10) > deadline;

export interface DecisionTermInput {
  /** The last day of the objection term. */
  objectionDeadline: string;
  /** The day the objection was received. */
  receivedOn: string;
  advisoryCommittee: boolean;
  extended: boolean;
}

/**
 * Awb 7:10: the term to decide on an objection starts the day after the objection term ended; for a
 * late objection (which is flagged, not refused) we count from the day after it was received, as
 * there is nothing to decide before it arrived. Six weeks, twelve with an independent advisory
 * committee (7:13), once extendable by six.
 */
export function objectionDecisionDeadline(input: DecisionTermInput): string {
  const start = input.receivedOn > input.objectionDeadline ? input.receivedOn : input.objectionDeadline;
  const weeks = (input.advisoryCommittee ? AWB_TERMS.decisionWeeksWithCommittee : AWB_TERMS.decisionWeeks) + (input.extended ? AWB_TERMS.extensionWeeks : 0);
  return termEnd(start, weeks);
}

/** The last day to appeal to the court against the decision on the objection (Awb 6:7, 8:1). */
export const appealDeadline = (decidedOn: string): string => termEnd(decidedOn, AWB_TERMS.appealWeeks);

/** Days from `today` to `deadline` (negative when passed). */
export const daysUntil = (today: string, deadline: string): number => Math.round((parse(deadline).getTime() - parse(today).getTime()) / 86_400_000);
