import type { CurtoisRoster } from './convert';
import type { CurtoisInstance } from './parse';

export interface CurtoisEvaluation {
  penalty: number;
  onRequests: number;
  offRequests: number;
  coverUnder: number;
  coverOver: number;
  /** Broken hard constraints; empty for a feasible roster. */
  violations: string[];
}

/**
 * The benchmark objective, written independently of the planner's incremental
 * scorer so each checks the other: unmet on-requests + granted off-requests +
 * weighted under/over cover; hard rules reported as violations.
 */
export function evaluateCurtois(inst: CurtoisInstance, roster: CurtoisRoster): CurtoisEvaluation {
  const ev: CurtoisEvaluation = { penalty: 0, onRequests: 0, offRequests: 0, coverUnder: 0, coverOver: 0, violations: [] };
  const row = new Map(inst.staff.map((s, i) => [s.id, roster[i] ?? []]));
  for (const r of inst.onRequests) if (row.get(r.staffId)?.[r.day] !== r.shiftId) ev.onRequests += r.weight;
  for (const r of inst.offRequests) if (row.get(r.staffId)?.[r.day] === r.shiftId) ev.offRequests += r.weight;
  for (const c of inst.cover) {
    let n = 0;
    for (const r of roster) if (r[c.day] === c.shiftId) n++;
    if (n < c.requirement) ev.coverUnder += (c.requirement - n) * c.underWeight;
    else ev.coverOver += (n - c.requirement) * c.overWeight;
  }
  ev.penalty = ev.onRequests + ev.offRequests + ev.coverUnder + ev.coverOver;
  for (const [i, s] of inst.staff.entries()) checkStaff(inst, s, roster[i] ?? [], ev.violations);
  return ev;
}

function checkStaff(inst: CurtoisInstance, s: CurtoisInstance['staff'][number], r: string[], out: string[]): void {
  const H = inst.horizon;
  const minutes = new Map(inst.shifts.map((x) => [x.id, x.minutes]));
  const cannotFollow = new Map(inst.shifts.map((x) => [x.id, new Set(x.cannotFollow)]));
  const off = new Set(inst.daysOff.filter((d) => d.staffId === s.id).flatMap((d) => d.days));
  let total = 0;
  const perType = new Map<string, number>();
  for (let d = 0; d < H; d++) {
    const x = r[d] ?? '';
    if (x === '') continue;
    if (!minutes.has(x)) out.push(`${s.id} day ${d}: unknown shift ${x}`);
    if (off.has(d)) out.push(`${s.id} works on day off ${d}`);
    total += minutes.get(x) ?? 0;
    perType.set(x, (perType.get(x) ?? 0) + 1);
    const prev = d > 0 ? (r[d - 1] ?? '') : '';
    if (prev !== '' && cannotFollow.get(prev)?.has(x)) out.push(`${s.id} day ${d}: ${x} may not follow ${prev}`);
  }
  for (const [t, n] of perType) if (n > (s.maxShifts[t] ?? H)) out.push(`${s.id}: ${n} × ${t} > ${s.maxShifts[t]}`);
  if (total > s.maxTotalMinutes) out.push(`${s.id}: ${total} min > max ${s.maxTotalMinutes}`);
  if (total < s.minTotalMinutes) out.push(`${s.id}: ${total} min < min ${s.minTotalMinutes}`);
  let weekends = 0;
  for (let w = 0; w * 7 + 5 < H; w++) if ((r[w * 7 + 5] ?? '') !== '' || (r[w * 7 + 6] ?? '') !== '') weekends++;
  if (weekends > s.maxWeekends) out.push(`${s.id}: ${weekends} weekends > ${s.maxWeekends}`);
  checkRuns(s, r, H, out);
}

/** Runs touching the horizon's edges are exempt from the minimum-length rules. */
function checkRuns(s: CurtoisInstance['staff'][number], r: string[], H: number, out: string[]): void {
  let d = 0;
  while (d < H) {
    const working = (r[d] ?? '') !== '';
    let e = d;
    while (e + 1 < H && ((r[e + 1] ?? '') !== '') === working) e++;
    const len = e - d + 1;
    const interior = d > 0 && e < H - 1;
    if (working && len > s.maxConsecutiveShifts) out.push(`${s.id}: ${len} consecutive shifts from day ${d}`);
    if (working && interior && len < s.minConsecutiveShifts) out.push(`${s.id}: only ${len} consecutive shifts from day ${d}`);
    if (!working && interior && len < s.minConsecutiveDaysOff) out.push(`${s.id}: only ${len} days off from day ${d}`);
    d = e + 1;
  }
}
