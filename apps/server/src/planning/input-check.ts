import type { PlanningInput } from './planning-input';

/**
 * Bad planning input, item by item (issue 11: a clear error per item, nothing changes): unknown
 * shift types and units, posts no present unit may staff, officers without a usable contract,
 * duplicate ids and posts outside the period. The run fails with the list; no roster is stored.
 */
export function checkPlanningInput(input: PlanningInput): string[] {
  const { problem } = input;
  const errors: string[] = [];
  const shifts = new Set(problem.shiftTypes.map((s) => s.id));
  const kinds = new Set(problem.units.map((u) => u.kind));
  const units = new Set(problem.units.map((u) => u.id));
  const seen = new Set<string>();
  for (const p of problem.posts) {
    if (seen.has(p.id)) errors.push(`post ${p.id}: appears twice`);
    seen.add(p.id);
    if (!shifts.has(p.shiftTypeId)) errors.push(`post ${p.id}: unknown shift type ${p.shiftTypeId}`);
    if (p.day < 0 || p.day >= problem.days) errors.push(`post ${p.id}: day ${p.day} is outside the period`);
    if (p.allowedUnitKinds && p.allowedUnitKinds.length > 0 && !p.allowedUnitKinds.some((k) => kinds.has(k))) errors.push(`post ${p.id}: no unit may staff it (allowed: ${p.allowedUnitKinds.join(', ')})`);
    if (p.needs.length === 0 || p.needs.some((n) => n.count < 1)) errors.push(`post ${p.id}: needs no officer`);
  }
  const officers = new Set<string>();
  for (const o of problem.officers) {
    if (officers.has(o.id)) errors.push(`officer ${o.id}: appears twice`);
    officers.add(o.id);
    if (!units.has(o.unitId)) errors.push(`officer ${o.id}: unknown unit ${o.unitId}`);
    if (!(o.contract.maxTotalMinutes > 0) || o.contract.maxConsecutiveShifts < 1) errors.push(`officer ${o.id}: no usable working-time contract`);
  }
  return errors;
}
