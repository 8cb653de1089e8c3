/**
 * Officers of the executing units as master data (issue 11, item 5): their qualifications, the
 * working-time contract templates they work under, and why they are away. Absence records a
 * category only: a medical reason is never recorded (data minimisation, DOMAIN §10).
 */

/** Qualifications, named as the planner's needs name them (packages/planner/src/lcc/generate.ts). */
export const QUALIFICATIONS = ['close-protection', 'armed', 'driver', 'surveillance', 'team-lead'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export const QUALIFICATION_LABELS_NL: Record<Qualification, string> = {
  'close-protection': 'persoonsbeveiliging',
  armed: 'bewapend',
  driver: 'beveiligingschauffeur',
  surveillance: 'observatie en toezicht',
  'team-lead': 'teamleider',
};

export const ABSENCE_REASONS = ['leave', 'training', 'sick', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const ABSENCE_REASON_LABELS_NL: Record<AbsenceReason, string> = {
  leave: 'verlof',
  training: 'opleiding',
  sick: 'ziek',
  other: 'anders niet beschikbaar',
};

/** A working-time contract per week; the planner's Contract is derived from it for a period. */
export interface ContractTemplate {
  code: string;
  version: number;
  effectiveFrom: string;
  nameNl: string;
  weeklyMinutes: number;
  maxNightShiftsPerWeek: number;
  maxConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekendsPerWeek: number;
}

/**
 * Versioned contract templates: a new version is added with its effective date, old versions stay
 * so a past roster stays explainable (like the triage rulesets). The maxima follow the working-time
 * rules the planner's synthetic week uses (40 h ≈ 2,400 minutes, at most three nights).
 */
export const CONTRACT_TEMPLATES: readonly ContractTemplate[] = [
  { code: 'fulltime-36', version: 1, effectiveFrom: '2025-01-01', nameNl: 'Voltijd 36 uur', weeklyMinutes: 36 * 60, maxNightShiftsPerWeek: 3, maxConsecutiveShifts: 5, minConsecutiveDaysOff: 2, maxWeekendsPerWeek: 1 },
  { code: 'fulltime-40', version: 1, effectiveFrom: '2025-01-01', nameNl: 'Voltijd 40 uur', weeklyMinutes: 40 * 60, maxNightShiftsPerWeek: 3, maxConsecutiveShifts: 5, minConsecutiveDaysOff: 2, maxWeekendsPerWeek: 1 },
  { code: 'parttime-24', version: 1, effectiveFrom: '2025-01-01', nameNl: 'Deeltijd 24 uur', weeklyMinutes: 24 * 60, maxNightShiftsPerWeek: 2, maxConsecutiveShifts: 4, minConsecutiveDaysOff: 2, maxWeekendsPerWeek: 1 },
  { code: 'parttime-32', version: 1, effectiveFrom: '2025-01-01', nameNl: 'Deeltijd 32 uur', weeklyMinutes: 32 * 60, maxNightShiftsPerWeek: 3, maxConsecutiveShifts: 5, minConsecutiveDaysOff: 2, maxWeekendsPerWeek: 1 },
  // 2026: a 36-hour week may work up to 40 hours in one week (averaged over the period).
  { code: 'fulltime-36', version: 2, effectiveFrom: '2026-01-01', nameNl: 'Voltijd 36 uur', weeklyMinutes: 40 * 60, maxNightShiftsPerWeek: 3, maxConsecutiveShifts: 5, minConsecutiveDaysOff: 2, maxWeekendsPerWeek: 1 },
];

export const CONTRACT_CODES = [...new Set(CONTRACT_TEMPLATES.map((t) => t.code))];

/** The version of a template in effect on a date, or undefined for an unknown code. */
export function contractInEffect(code: string, on: string, templates: readonly ContractTemplate[] = CONTRACT_TEMPLATES): ContractTemplate | undefined {
  return templates
    .filter((t) => t.code === code && t.effectiveFrom <= on)
    .sort((a, b) => b.version - a.version)[0];
}

/** The planner's contract shape (packages/planner Contract), repeated here so the domain needs no planner. */
export interface PeriodContract {
  maxShiftsPerType: Record<string, number>;
  minTotalMinutes: number;
  maxTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

/** A template's weekly limits over a period of `days` (a part week counts as a whole one). */
export function periodContract(t: ContractTemplate, days: number): PeriodContract {
  const weeks = Math.max(1, Math.ceil(days / 7));
  return {
    maxShiftsPerType: { night: t.maxNightShiftsPerWeek * weeks },
    minTotalMinutes: 0,
    maxTotalMinutes: t.weeklyMinutes * weeks,
    maxConsecutiveShifts: t.maxConsecutiveShifts,
    minConsecutiveShifts: 1,
    minConsecutiveDaysOff: t.minConsecutiveDaysOff,
    maxWeekends: t.maxWeekendsPerWeek * weeks,
  };
}

/** Days of a period (0 = its first day) that fall in an absence from `from` to `until` inclusive. */
export function absenceDays(periodStart: string, days: number, from: string, until: string): number[] {
  const start = Date.parse(`${periodStart}T00:00:00Z`);
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    if (date >= from && date <= until) out.push(d);
  }
  return out;
}
