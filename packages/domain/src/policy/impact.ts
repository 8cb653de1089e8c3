import { diffMeasures, type MeasureChange } from './deviation';
import { listMeasures, proposePackage, type CaseFacts, type PackageProposal } from './propose';
import type { PolicyError } from './result';
import type { PackagePolicy } from './versions';

export interface ImpactCase {
  caseId: string;
  facts: CaseFacts;
}

export interface CaseImpact {
  caseId: string;
  resistanceLevel: { current: string; draft: string };
  addedMeasures: MeasureChange[];
  droppedMeasures: MeasureChange[];
  addedCareModules: string[];
  droppedCareModules: string[];
  reviewPeriodMonths: { current: number; draft: number };
  /** Change in officer-hours per week for this case, by unit type. */
  deltaHoursPerWeek: Record<string, number>;
}

export interface CapacityImpact {
  unitType: string;
  currentHoursPerWeek: number;
  draftHoursPerWeek: number;
  deltaHoursPerWeek: number;
}

export interface ImpactReport {
  currentVersion: string;
  draftVersion: string;
  casesEvaluated: number;
  /** Only the cases whose package changes, in input order. */
  changedCases: CaseImpact[];
  unchangedCases: number;
  /** Cases one of the versions could not evaluate; they count in no total. */
  failures: { caseId: string; version: string; error: PolicyError }[];
  /** Per measure: in how many cases the draft adds or drops it. */
  measureChanges: { measure: string; added: number; dropped: number }[];
  capacity: CapacityImpact[];
  /** Measures the demand model has no figure for; their capacity is not in the totals. */
  unestimatedMeasures: string[];
  /** Which demand model produced the hours (e.g. the post ruleset "posts-2026.1"). */
  demandBasis: string;
}

/**
 * How many officer-hours per week a package costs, by unit type. Issue 11's model derives them
 * from the person's agenda and the post rules (execution/post-demand.ts); the policy package
 * itself knows no hours.
 */
export interface DemandModel {
  basis: string;
  hoursPerWeek(caseId: string, proposal: PackageProposal): Record<string, number>;
  /** The measures among these the model cannot cost. */
  unestimated(measures: readonly string[]): string[];
}

/**
 * Evaluates a draft policy version against every active case next to the current version and
 * reports what would change before adoption: per case the added and dropped measures, and the
 * capacity in officer-hours per week by unit type from the demand model (agenda × measures →
 * posts under the post rules in effect).
 */
export function simulateImpact(
  current: PackagePolicy,
  draft: PackagePolicy,
  cases: readonly ImpactCase[],
  demand: DemandModel,
): ImpactReport {
  const report: ImpactReport = {
    currentVersion: current.version,
    draftVersion: draft.version,
    casesEvaluated: 0,
    changedCases: [],
    unchangedCases: 0,
    failures: [],
    measureChanges: [],
    capacity: [],
    unestimatedMeasures: [],
    demandBasis: demand.basis,
  };
  const hours = new HoursTally(demand);
  const changes = new Map<string, { added: number; dropped: number }>();
  for (const c of cases) {
    const before = proposePackage(current, c.facts);
    if (!before.ok) report.failures.push({ caseId: c.caseId, version: current.version, error: before.error });
    const after = proposePackage(draft, c.facts);
    if (!after.ok) report.failures.push({ caseId: c.caseId, version: draft.version, error: after.error });
    if (!before.ok || !after.ok) continue;
    report.casesEvaluated++;
    const delta = hours.add(c.caseId, before.value, after.value);
    const impact = compareCase(c.caseId, before.value, after.value, delta);
    if (!impact) {
      report.unchangedCases++;
      continue;
    }
    report.changedCases.push(impact);
    for (const m of impact.addedMeasures) tally(changes, m.measure).added++;
    for (const m of impact.droppedMeasures) tally(changes, m.measure).dropped++;
  }
  report.measureChanges = [...changes.entries()]
    .map(([measure, n]) => ({ measure, ...n }))
    .sort((a, b) => a.measure.localeCompare(b.measure));
  report.capacity = hours.capacity();
  report.unestimatedMeasures = hours.unestimated();
  return report;
}

function compareCase(
  caseId: string,
  before: PackageProposal,
  after: PackageProposal,
  delta: Record<string, number>,
): CaseImpact | undefined {
  const { added, dropped } = diffMeasures(before.measures, after.measures);
  const addedCareModules = after.careModules.filter((m) => !before.careModules.includes(m));
  const droppedCareModules = before.careModules.filter((m) => !after.careModules.includes(m));
  const same =
    added.length + dropped.length + addedCareModules.length + droppedCareModules.length === 0 &&
    before.resistanceLevel === after.resistanceLevel &&
    before.reviewPeriodMonths === after.reviewPeriodMonths;
  if (same) return undefined;
  return {
    caseId,
    resistanceLevel: { current: before.resistanceLevel, draft: after.resistanceLevel },
    addedMeasures: added,
    droppedMeasures: dropped,
    addedCareModules,
    droppedCareModules,
    reviewPeriodMonths: { current: before.reviewPeriodMonths, draft: after.reviewPeriodMonths },
    deltaHoursPerWeek: delta,
  };
}

/** Sums officer-hours per unit type for both versions over all evaluated cases. */
class HoursTally {
  private readonly totals = new Map<string, { current: number; draft: number }>();
  private readonly missing = new Set<string>();

  constructor(private readonly demand: DemandModel) {}

  /** Adds one case under both versions; returns its change per unit type (zeroes left out). */
  add(caseId: string, before: PackageProposal, after: PackageProposal): Record<string, number> {
    const hours = { current: this.demand.hoursPerWeek(caseId, before), draft: this.demand.hoursPerWeek(caseId, after) };
    for (const version of ['current', 'draft'] as const) {
      for (const [unitType, h] of Object.entries(hours[version])) {
        const total = this.totals.get(unitType) ?? { current: 0, draft: 0 };
        total[version] += h;
        this.totals.set(unitType, total);
      }
    }
    const measures = [...listMeasures(before.measures), ...listMeasures(after.measures)].map((m) => m.measure);
    for (const m of this.demand.unestimated(measures)) this.missing.add(m);
    const delta: Record<string, number> = {};
    for (const unitType of new Set([...Object.keys(hours.current), ...Object.keys(hours.draft)])) {
      const d = round((hours.draft[unitType] ?? 0) - (hours.current[unitType] ?? 0));
      if (d !== 0) delta[unitType] = d;
    }
    return delta;
  }

  capacity(): CapacityImpact[] {
    return [...this.totals.entries()]
      .map(([unitType, t]) => ({
        unitType,
        currentHoursPerWeek: round(t.current),
        draftHoursPerWeek: round(t.draft),
        deltaHoursPerWeek: round(t.draft - t.current),
      }))
      .sort((a, b) => a.unitType.localeCompare(b.unitType));
  }

  unestimated(): string[] {
    return [...this.missing].sort();
  }
}

function tally(map: Map<string, { added: number; dropped: number }>, measure: string) {
  const entry = map.get(measure) ?? { added: 0, dropped: 0 };
  map.set(measure, entry);
  return entry;
}

/** Hours are estimates in quarters; rounding hides float noise such as 0.30000000000000004. */
const round = (hours: number): number => Math.round(hours * 100) / 100;
