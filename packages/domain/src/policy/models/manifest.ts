/**
 * The versions of the package policy. A version is immutable once published: a change is a
 * new version with its own effective date. Drafts are never in effect; they exist to be
 * simulated (impact simulation) before adoption.
 */
export type PolicyStatus = 'draft' | 'published';

export interface PolicyVersionEntry {
  version: string;
  /** First day (ISO date, Europe/Amsterdam calendar day) on which the version applies. */
  effectiveFrom: string;
  status: PolicyStatus;
  /** The DMN 1.3 file in this folder. */
  file: string;
  summary: string;
}

export const PACKAGE_POLICY_MANIFEST: readonly PolicyVersionEntry[] = [
  {
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    status: 'published',
    file: 'package-policy-2026.1.dmn',
    summary: 'First package policy after DOMAIN §5 (plausible first policy, not the real circular).',
  },
  {
    version: '2027.1',
    effectiveFrom: '2027-01-01',
    status: 'draft',
    file: 'package-policy-2027.1.dmn',
    summary:
      'Draft: camera surveillance at home from R2 also for organised crime; workplace alarm follow-up ' +
      'only when the employer has no measures at all; peer support from R2 in long threats.',
  },
];
