import { canTake, type Compiled } from '../compile';

/**
 * Upper bound on weighted coverage, as an aggregated LP. Officers with the same
 * qualifications, unit kind, leave days and contract are interchangeable, and so are
 * slots with the same day, shift type, qualification, allowed units and weight. Per
 * group: at most one shift per member per day, at most the members' shift, minute
 * and per-type capacity over the week. Rest and run rules are dropped, so every
 * plan's weighted coverage is at most the LP optimum.
 */
export function buildCoverageBound(c: Compiled): string {
  const { days: D, types: T } = c;
  const minLen = Math.min(...Array.from(c.typeMinutes));
  const groups = new Map<string, { o: number; n: number; shifts: number; minutes: number; perType: number[] }>();
  for (let o = 0; o < c.officers; o++) {
    let leave = '';
    for (let d = 0; d < D; d++) leave += c.leave[o * D + d] ? '1' : '0';
    const perType = Array.from({ length: T }, (_, t) => Math.min(D, c.maxPerType[o * T + t] ?? D));
    const key = `${c.officerQualMask[o]}|${c.officerKindBit[o]}|${leave}|${c.maxMinutes[o]}|${perType.join(',')}|${c.maxCons[o]}`;
    const free = leave.split('').filter((x) => x === '0').length;
    const shifts = Math.min(free, Math.floor((c.maxMinutes[o] ?? 0) / minLen));
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { o, n: 1, shifts, minutes: c.maxMinutes[o] ?? 0, perType });
  }
  const classes = new Map<string, { s: number; req: number; weight: number }>();
  for (let s = 0; s < c.slots; s++) {
    const key = `${c.slotDay[s]}|${c.slotType[s]}|${c.slotQualBit[s]}|${c.slotKindMask[s]}|${c.slotUnder[s]}`;
    const k = classes.get(key);
    if (k) k.req += c.slotCount[s] ?? 0;
    else classes.set(key, { s, req: c.slotCount[s] ?? 0, weight: c.slotUnder[s] ?? 0 });
  }
  const objective: string[] = [];
  const rows: string[] = [];
  const byClass = new Map<number, string[]>();
  let gi = 0;
  for (const g of groups.values()) {
    const perDay: string[][] = Array.from({ length: D }, () => []);
    const perType: string[][] = Array.from({ length: T }, () => []);
    const all: string[] = [];
    const minutes: string[] = [];
    let ki = 0;
    for (const k of classes.values()) {
      ki++;
      if (!canTake(c, g.o, k.s)) continue;
      const name = `y_${gi}_${ki}`;
      const t = c.slotType[k.s] ?? 0;
      objective.push(`+ ${k.weight} ${name}`);
      perDay[c.slotDay[k.s] ?? 0]?.push(name);
      perType[t]?.push(name);
      all.push(name);
      minutes.push(`+ ${c.typeMinutes[t]} ${name}`);
      byClass.set(ki, [...(byClass.get(ki) ?? []), name]);
    }
    for (const names of perDay) if (names.length) rows.push(`${names.join(' + ')} <= ${g.n}`);
    perType.forEach((names, t) => {
      if (names.length) rows.push(`${names.join(' + ')} <= ${g.n * (g.perType[t] ?? D)}`);
    });
    if (all.length) rows.push(`${all.join(' + ')} <= ${g.n * g.shifts}`, `${minutes.join(' ')} <= ${g.n * g.minutes}`);
    gi++;
  }
  let ki = 0;
  for (const k of classes.values()) {
    ki++;
    const names = byClass.get(ki);
    if (names?.length) rows.push(`${names.join(' + ')} <= ${k.req}`);
  }
  return ['Maximize', ` obj: ${objective.join(' ') || '0 y_none'}`, 'Subject To', ...rows.map((r, i) => ` b${i}: ${r}`), 'End'].join('\n');
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
