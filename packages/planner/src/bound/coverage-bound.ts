import { canTake, type Compiled } from '../compile';

interface Group { o: number; n: number; shifts: number; minutes: number; perType: number[] }
interface Class { s: number; req: number; weight: number; names: string[] }

/**
 * Upper bound on weighted coverage, as an aggregated LP. Officers with the same
 * qualifications, unit kind (and unit, when posts are tasked to units), leave days and contract are interchangeable, and so are
 * slots with the same day, shift type, qualification, allowed units and weight. Per
 * group: at most one shift per member per day, no forbidden succession (minimum
 * rest) counted over the members, and at most the members' shift, minute and
 * per-type capacity over the week (per type: floor(max minutes / shift length)).
 * Run-length rules are dropped, so every plan's weighted coverage is at most the LP
 * optimum.
 */
export function buildCoverageBound(c: Compiled): string {
  const classes = slotClasses(c);
  const objective: string[] = [];
  const rows: string[] = [];
  officerGroups(c).forEach((g, gi) => groupRows(c, g, gi, classes, objective, rows));
  for (const k of classes) if (k.names.length) rows.push(`${k.names.join(' + ')} <= ${k.req}`);
  return ['Maximize', ` obj: ${objective.join(' ') || '0 y_none'}`, 'Subject To', ...rows.map((r, i) => ` b${i}: ${r}`), 'End'].join('\n');
}

function officerGroups(c: Compiled): Group[] {
  const { days: D, types: T } = c;
  const minLen = Math.min(...Array.from(c.typeMinutes));
  const groups = new Map<string, Group>();
  for (let o = 0; o < c.officers; o++) {
    let leave = '';
    for (let d = 0; d < D; d++) leave += c.leave[o * D + d] ? '1' : '0';
    // Integer per-type capacity: minutes alone allow only floor(max / length) shifts of a type.
    const perType = Array.from({ length: T }, (_, t) =>
      Math.min(D, c.maxPerType[o * T + t] ?? D, Math.floor((c.maxMinutes[o] ?? 0) / Math.max(1, c.typeMinutes[t] ?? 1))));
    const key = `${c.officerQualMask[o]}|${c.officerKindBit[o]}|${c.taskings.length > 0 ? c.officerUnit[o] : ''}|${leave}|${c.maxMinutes[o]}|${perType.join(',')}|${c.maxCons[o]}|${c.minCons[o]}|${c.minOff[o]}|${c.maxWeekends[o]}`;
    const free = leave.split('').filter((x) => x === '0').length;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { o, n: 1, shifts: Math.min(free, Math.floor((c.maxMinutes[o] ?? 0) / minLen)), minutes: c.maxMinutes[o] ?? 0, perType });
  }
  return [...groups.values()];
}

/** The bound's slot classes in variable order (`y_<group>_<class>`), for comparing a plan against the LP solution. */
export const coverageClasses = (c: Compiled): { slot: number; req: number; weight: number }[] => slotClasses(c).map((k) => ({ slot: k.s, req: k.req, weight: k.weight }));

function slotClasses(c: Compiled): Class[] {
  const classes = new Map<string, Class>();
  for (let s = 0; s < c.slots; s++) {
    const key = `${c.slotDay[s]}|${c.slotType[s]}|${c.slotQualBit[s]}|${c.slotKindMask[s]}|${c.slotTasking[s]}|${c.slotUnder[s]}`;
    const k = classes.get(key);
    if (k) k.req += c.slotCount[s] ?? 0;
    else classes.set(key, { s, req: c.slotCount[s] ?? 0, weight: c.slotUnder[s] ?? 0, names: [] });
  }
  return [...classes.values()];
}

function groupRows(c: Compiled, g: Group, gi: number, classes: Class[], objective: string[], rows: string[]): void {
  const { days: D, types: T } = c;
  const perDay: string[][] = Array.from({ length: D }, () => []);
  const perDayType: string[][] = Array.from({ length: D * T }, () => []);
  const perType: string[][] = Array.from({ length: T }, () => []);
  const minutes: string[] = [];
  classes.forEach((k, ki) => {
    if (!canTake(c, g.o, k.s)) return;
    const name = `y_${gi}_${ki}`;
    const t = c.slotType[k.s] ?? 0;
    const d = c.slotDay[k.s] ?? 0;
    objective.push(`+ ${k.weight} ${name}`);
    perDay[d]?.push(name);
    perDayType[d * T + t]?.push(name);
    perType[t]?.push(name);
    minutes.push(`+ ${c.typeMinutes[t]} ${name}`);
    k.names.push(name);
  });
  for (const names of perDay) if (names.length) rows.push(`${names.join(' + ')} <= ${g.n}`);
  patternRows(c, g, perDay, rows);
  restRows(c, perDayType, g.n, rows);
  perType.forEach((names, t) => {
    if (names.length) rows.push(`${names.join(' + ')} <= ${g.n * (g.perType[t] ?? D)}`);
  });
  const all = perType.flat();
  if (all.length) rows.push(`${all.join(' + ')} <= ${g.n * g.shifts}`, `${minutes.join(' ')} <= ${g.n * g.minutes}`);
  mixRow(c, g, perType, rows);
}

/**
 * Integer mix of shift lengths: with 2,400 minutes an officer works 4 day shifts of
 * 540 or 5 of 480, never 4 + a fraction. Row Σ_t n_t / floor(M / len_t) ≤ max over
 * every integer-feasible (n_t) of the same sum, found by enumeration, so it is valid.
 */
function mixRow(c: Compiled, g: Group, perType: string[][], rows: string[]): void {
  const T = c.types;
  if (T > 6 || g.shifts > 7) return;
  const coef = Array.from({ length: T }, (_, t) => 1 / Math.max(1, Math.floor(g.minutes / Math.max(1, c.typeMinutes[t] ?? 1))));
  let best = 0;
  const walk = (t: number, shifts: number, minutes: number, value: number) => {
    if (t === T) {
      best = Math.max(best, value);
      return;
    }
    const len = c.typeMinutes[t] ?? 0;
    for (let k = 0; k <= (g.perType[t] ?? 0) && shifts + k <= g.shifts && minutes + k * len <= g.minutes; k++) {
      walk(t + 1, shifts + k, minutes + k * len, value + k * (coef[t] ?? 0));
    }
  };
  walk(0, 0, 0, 0);
  const terms = perType.flatMap((names, t) => names.map((n) => `+ ${(coef[t] ?? 0).toFixed(9)} ${n}`));
  if (terms.length) rows.push(`${terms.join(' ')} <= ${(g.n * best + 1e-6).toFixed(9)}`);
}

/** Largest horizon for which work patterns are enumerated (2^D of them). */
const PATTERN_DAYS = 14;

/**
 * Run-length and weekend rules, which the aggregated bound otherwise drops. Every feasible row's
 * set of working days is a pattern that respects the member's leave, maximum and minimum run
 * lengths, minimum days off and maximum weekends, exactly as `rowCost` counts them (runs touching
 * the horizon's start or end exempt from the minimum rules). So for any set S of days, the
 * members' shifts on S are at most n × the largest |pattern ∩ S|: valid, and tighter where leave
 * and "two days off in a row" leave an officer fewer working days than free days. S: the whole
 * horizon, every window of consecutive days, each week's weekdays and each weekend.
 */
function patternRows(c: Compiled, g: Group, perDay: string[][], rows: string[]): void {
  const D = c.days;
  if (D > PATTERN_DAYS) return;
  const patterns: number[] = [];
  for (let m = 0; m < 1 << D; m++) if (patternFeasible(c, g.o, m)) patterns.push(m);
  const sets: number[] = [];
  for (let a = 0; a < D; a++) for (let b = a + 1; b < D; b++) sets.push(((1 << (b - a + 1)) - 1) << a);
  for (let w = 0; w * 7 < D; w++) {
    sets.push(maskOf(D, (d) => Math.floor(d / 7) === w && d % 7 < 5), maskOf(D, (d) => Math.floor(d / 7) === w && d % 7 >= 5));
  }
  for (const set of new Set(sets)) {
    const names = perDay.flatMap((n, d) => ((set >> d) & 1 ? n : []));
    if (names.length === 0) continue;
    const most = Math.max(...patterns.map((p) => bits(p & set)));
    const trivial = Math.min(bits(set), g.shifts);
    if (most < trivial) rows.push(`${names.join(' + ')} <= ${g.n * most}`);
  }
}

const maskOf = (D: number, on: (d: number) => boolean) => Array.from({ length: D }, (_, d) => (on(d) ? 1 << d : 0)).reduce((a, b) => a | b, 0);

function bits(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}

/** Whether working exactly the days of mask `m` breaks none of the officer's pattern-only hard rules (see `rowCost`). */
export function patternFeasible(c: Compiled, o: number, m: number): boolean {
  const D = c.days;
  const maxCons = c.maxCons[o] ?? D;
  const minCons = c.minCons[o] ?? 0;
  const minOff = c.minOff[o] ?? 0;
  let runStart = 0;
  let weekends = 0;
  let shifts = 0;
  for (let d = 0; d < D; d++) {
    const works = ((m >> d) & 1) === 1;
    if (works && c.leave[o * D + d]) return false;
    if (works) shifts++;
    const prev = d > 0 && ((m >> (d - 1)) & 1) === 1;
    if (d > 0 && works !== prev) {
      const len = d - runStart;
      if (prev ? len > maxCons || (runStart > 0 && len < minCons) : runStart > 0 && len < minOff) return false;
      runStart = d;
    }
    if (d % 7 === 6 && (works || prev)) weekends++;
  }
  const lastWorks = D > 0 && ((m >> (D - 1)) & 1) === 1;
  if (lastWorks && D - runStart > maxCons) return false;
  return weekends <= (c.maxWeekends[o] ?? D) && shifts * Math.max(1, Math.min(...Array.from(c.typeMinutes))) <= (c.maxMinutes[o] ?? 0);
}

/** Minimum rest: no member works type a on day d and a forbidden type b on day d + 1. */
function restRows(c: Compiled, perDayType: string[][], n: number, rows: string[]): void {
  const { days: D, types: T } = c;
  for (let d = 0; d + 1 < D; d++) {
    for (let a = 0; a < T; a++) {
      const first = perDayType[d * T + a] ?? [];
      if (!first.length) continue;
      const next: string[] = [];
      for (let b = 0; b < T; b++) if (c.forbid[a * T + b]) next.push(...(perDayType[(d + 1) * T + b] ?? []));
      if (next.length) rows.push(`${[...first, ...next].join(' + ')} <= ${n}`);
    }
  }
}

/** Weighted coverage of a plan: Σ weight × min(count, required). */
export function weightedCoverage(c: Compiled, count: Int32Array): number {
  let v = 0;
  for (let s = 0; s < c.slots; s++) v += Math.min(count[s] ?? 0, c.slotCount[s] ?? 0) * (c.slotUnder[s] ?? 0);
  return v;
}

export function totalDemandWeight(c: Compiled): number {
  let v = 0;
  for (let s = 0; s < c.slots; s++) v += (c.slotCount[s] ?? 0) * (c.slotUnder[s] ?? 0);
  return v;
}
