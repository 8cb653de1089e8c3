import { parseDmn } from './dmn/parse';
import type { DmnModel } from './dmn/types';
import { DOMAIN_DECISIONS } from './measures';
import type { PolicyVersionEntry } from './models/manifest';
import { policyFail, policyOk, type PolicyResult } from './result';

/** A parsed, checked policy version, ready for `proposePackage`. */
export interface PackagePolicy {
  version: string;
  effectiveFrom: string;
  status: PolicyVersionEntry['status'];
  model: DmnModel;
}

/** Decisions every package policy model must contain; the proposal reads exactly these. */
export const POLICY_DECISIONS = [
  'resistanceLevel',
  ...Object.values(DOMAIN_DECISIONS),
  'careModules',
  'reviewPeriodMonths',
] as const;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The published version in effect on `onDate` (ISO date, passed in: the domain never reads the
 * clock): the one with the latest effective date on or before that day.
 */
export function selectPolicyVersion(
  manifest: readonly PolicyVersionEntry[],
  onDate: string,
): PolicyResult<PolicyVersionEntry> {
  if (!ISO_DATE.test(onDate)) return policyFail('POLICY_INVALID_DATE', `"${onDate}" is not an ISO date (YYYY-MM-DD)`);
  const inEffect = manifest
    .filter((e) => e.status === 'published' && e.effectiveFrom <= onDate)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const chosen = inEffect[0];
  return chosen ? policyOk(chosen) : policyFail('POLICY_NO_VERSION_IN_EFFECT', `no published policy in effect on ${onDate}`);
}

export function findPolicyVersion(
  manifest: readonly PolicyVersionEntry[],
  version: string,
): PolicyResult<PolicyVersionEntry> {
  const entry = manifest.find((e) => e.version === version);
  return entry ? policyOk(entry) : policyFail('POLICY_VERSION_NOT_FOUND', `no policy version "${version}"`);
}

/** Parses a version's DMN and checks that it has every decision a package proposal needs. */
export async function loadPolicy(entry: PolicyVersionEntry, xml: string): Promise<PolicyResult<PackagePolicy>> {
  const parsed = await parseDmn(xml);
  if (!parsed.ok) return parsed;
  const names = new Set(parsed.value.decisions.map((d) => d.name));
  const missing = POLICY_DECISIONS.filter((d) => !names.has(d));
  if (missing.length > 0) {
    return policyFail('POLICY_MODEL_INCOMPLETE', `policy ${entry.version} lacks decisions: ${missing.join(', ')}`);
  }
  return policyOk({ version: entry.version, effectiveFrom: entry.effectiveFrom, status: entry.status, model: parsed.value });
}
