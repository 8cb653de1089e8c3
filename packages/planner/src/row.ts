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

export function rowCost(c: Compiled, cells: Int32Array, o: number, out: RowCost): RowCost {
  const { days: D, types: T } = c;
  const base = o * D;
  counts.fill(0, 0, T);
  let hard = 0;
  let minutes = 0;
  let requests = 0;
  let disruption = 0;
  let prevType = -1;
  for (let d = 0; d < D; d++) {
    const s = cells[base + d] ?? OFF;
    const t = s === OFF ? -1 : (c.slotType[s] ?? 0);
    requests += c.pref[(base + d) * (T + 1) + (t === -1 ? T : t)] ?? 0;
    const b = c.baseline[base + d] ?? NONE;
    if (b !== NONE && b !== s) disruption += c.disruptionWeight;
    if (t >= 0) {
      counts[t] = (counts[t] ?? 0) + 1;
      minutes += c.typeMinutes[t] ?? 0;
      if (prevType >= 0 && c.forbid[prevType * T + t]) hard += 1;
    }
    prevType = t;
  }
  for (let t = 0; t < T; t++) {
    const excess = (counts[t] ?? 0) - (c.maxPerType[o * T + t] ?? D);
    if (excess > 0) hard += excess;
  }
  const maxM = c.maxMinutes[o] ?? 0;
  const minM = c.minMinutes[o] ?? 0;
  if (minutes > maxM) hard += (minutes - maxM) / 60;
  if (minutes < minM) hard += (minM - minutes) / 60;
  hard += sequenceViolations(c, cells, o);
  out.hard = hard;
  out.requests = requests;
  out.disruption = disruption;
  return out;
}

/**
 * Consecutive-shift, days-off and weekend limits. Blocks that touch the horizon's
 * start or end are exempt from the minimum-length rules, as in the Curtois & Qu
 * definition (unknown history is assumed to continue the block).
 */
function sequenceViolations(c: Compiled, cells: Int32Array, o: number): number {
  const D = c.days;
  const base = o * D;
  const maxCons = c.maxCons[o] ?? D;
  const minCons = c.minCons[o] ?? 0;
  const minOff = c.minOff[o] ?? 0;
  let hard = 0;
  let start = 0;
  let weekends = 0;
  for (let d = 1; d <= D; d++) {
    const working = d < D && (cells[base + d] ?? OFF) !== OFF;
    const wasWorking = (cells[base + d - 1] ?? OFF) !== OFF;
    if (d < D && d % 7 === 6 && (working || wasWorking)) weekends++;
    if (d < D && working === wasWorking) continue;
    const len = d - start;
    const interior = start > 0 && d < D;
    if (wasWorking) {
      if (len > maxCons) hard += len - maxCons;
      if (interior && len < minCons) hard += minCons - len;
    } else if (interior && len < minOff) {
      hard += minOff - len;
    }
    start = d;
  }
  const maxWe = c.maxWeekends[o] ?? D;
  if (weekends > maxWe) hard += weekends - maxWe;
  return hard;
}

export function coverCost(c: Compiled, s: number, count: number): number {
  const req = c.slotCount[s] ?? 0;
  if (count < req) return (req - count) * (c.slotUnder[s] ?? 0);
  return (count - req) * (c.slotOver[s] ?? 0);
}
