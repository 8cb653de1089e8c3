import { OFF, NONE, type Compiled } from './compile';

/**
 * Cost of one officer's row of cells. Every officer constraint is local to the row,
 * so a move's delta is the change of at most two rows plus the touched slots' cover.
 * Hard violations are measured in units (days, shifts, hours) so the search can be
 * guided back to feasibility.
 */
export interface RowCost {
  hard: number;
  requests: number;
  disruption: number;
}

const counts = new Int32Array(256);

/**
 * One pass over the row: requests, disruption, per-type counts, minutes, forbidden
 * successions, run lengths and weekends. Runs that touch the horizon's start or end
 * are exempt from the minimum-length rules, as in the Curtois & Qu definition
 * (unknown history is assumed to continue the run).
 */
export function rowCost(c: Compiled, cells: Int32Array, o: number, out: RowCost): RowCost {
  const D = c.days;
  const T = c.types;
  const base = o * D;
  const { slotType, pref, baseline, forbid, typeMinutes } = c;
  const dw = c.disruptionWeight;
  counts.fill(0, 0, T);
  let hard = 0;
  let minutes = 0;
  let requests = 0;
  let disruption = 0;
  let prevType = -1;
  let runStart = 0;
  let weekends = 0;
  const maxCons = c.maxCons[o] ?? D;
  const minCons = c.minCons[o] ?? 0;
  const minOff = c.minOff[o] ?? 0;
  for (let d = 0; d < D; d++) {
    const s = cells[base + d] ?? OFF;
    const t = s === OFF ? -1 : (slotType[s] ?? 0);
    requests += pref[(base + d) * (T + 1) + (t === -1 ? T : t)] ?? 0;
    if (dw !== 0) {
      const b = baseline[base + d] ?? NONE;
      if (b !== NONE && b !== s) disruption += dw;
    }
    if (t >= 0) {
      counts[t] = (counts[t] ?? 0) + 1;
      minutes += typeMinutes[t] ?? 0;
      if (prevType >= 0 && forbid[prevType * T + t]) hard += 1;
    }
    if (d > 0 && (t >= 0) !== (prevType >= 0)) {
      // A run of the previous state ended at d - 1.
      const len = d - runStart;
      if (prevType >= 0) {
        if (len > maxCons) hard += len - maxCons;
        if (runStart > 0 && len < minCons) hard += minCons - len;
      } else if (runStart > 0 && len < minOff) {
        hard += minOff - len;
      }
      runStart = d;
    }
    if (d % 7 === 6 && (t >= 0 || prevType >= 0)) weekends++;
    prevType = t;
  }
  const last = D - runStart;
  if (prevType >= 0 && last > maxCons) hard += last - maxCons;
  for (let t = 0; t < T; t++) {
    const excess = (counts[t] ?? 0) - (c.maxPerType[o * T + t] ?? D);
    if (excess > 0) hard += excess;
  }
  const maxM = c.maxMinutes[o] ?? 0;
  const minM = c.minMinutes[o] ?? 0;
  // Minutes count in shift units, so one missing shift weighs like one extra weekend.
  if (minutes > maxM) hard += (minutes - maxM) / c.shiftUnit;
  if (minutes < minM) hard += (minM - minutes) / c.shiftUnit;
  const maxWe = c.maxWeekends[o] ?? D;
  if (weekends > maxWe) hard += weekends - maxWe;
  out.hard = hard;
  out.requests = requests;
  out.disruption = disruption;
  return out;
}

export function coverCost(c: Compiled, s: number, count: number): number {
  const req = c.slotCount[s] ?? 0;
  if (count < req) return (req - count) * (c.slotUnder[s] ?? 0);
  return (count - req) * (c.slotOver[s] ?? 0);
}
