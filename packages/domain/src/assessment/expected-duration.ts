/**
 * How long the DAF expects the threat to last (issue 12 item 2), stated by the analyst when
 * finalising an assessment. The policy fact "threat duration" (short / long) is derived from it by
 * this table; assessments finalised before the field existed have none (the fact then says so).
 */
export const EXPECTED_THREAT_DURATIONS = ['up_to_3_months', 'three_to_12_months', 'over_12_months', 'no_prospect_of_decline'] as const;
export type ExpectedThreatDuration = (typeof EXPECTED_THREAT_DURATIONS)[number];

/** The policy's threat duration per expected duration: a year or more, or no prospect of decline, is long. */
export const EXPECTED_DURATION_FACT: Record<ExpectedThreatDuration, 'short' | 'long'> = {
  up_to_3_months: 'short',
  three_to_12_months: 'short',
  over_12_months: 'long',
  no_prospect_of_decline: 'long',
};

export const isExpectedThreatDuration = (value: unknown): value is ExpectedThreatDuration =>
  typeof value === 'string' && (EXPECTED_THREAT_DURATIONS as readonly string[]).includes(value);
