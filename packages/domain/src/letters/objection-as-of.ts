import type { Objection } from './objection';

/**
 * An objection as it stood at `asOf` (issue 12, ADR 0031), or undefined when it was not yet
 * recorded. Lodging is exact (the row's recording time). The handling (extension, hearing,
 * decision, appeal) is kept on the row without a history of its own: when the row was last
 * changed by `asOf` it is shown as is (`exact`); else each handling step dated after the moment's
 * day is left out and the result says it is not exact (a step backdated later can show early).
 */
export function objectionAsOf<O extends Objection & { recordedAt: string; updatedAt: string }>(o: O, asOf: Date): { objection: O; exact: boolean } | undefined {
  const at = asOf.getTime();
  if (Date.parse(o.recordedAt) > at) return undefined;
  if (Date.parse(o.updatedAt) <= at) return { objection: o, exact: true };
  const day = asOf.toISOString().slice(0, 10);
  const by = (d: string | null) => d !== null && d <= day;
  const decided = by(o.decidedOn);
  const appealed = decided && by(o.appealLodgedOn);
  return {
    objection: {
      ...o,
      extendedOn: by(o.extendedOn) ? o.extendedOn : null,
      hearingOn: by(o.hearingOn) ? o.hearingOn : null,
      outcome: decided ? o.outcome : null,
      decidedOn: decided ? o.decidedOn : null,
      motivation: decided ? o.motivation : null,
      appealLodgedOn: appealed ? o.appealLodgedOn : null,
      appealCourt: appealed ? o.appealCourt : null,
    },
    exact: false,
  };
}
