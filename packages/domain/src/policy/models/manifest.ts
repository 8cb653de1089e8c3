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
    // Shown to policy staff as is, so in Dutch and without notes for developers (issue 13); that
    // this is an illustrative policy, not the real circular, is said in the README and ADR 0102.
    summary: 'Eerste pakketbeleid: per benodigde weerstand (R1–R4) de maatregelen per leefdomein, de zorgmodules en de herijkingstermijn.',
  },
  {
    version: '2027.1',
    effectiveFrom: '2027-01-01',
    status: 'draft',
    file: 'package-policy-2027.1.dmn',
    summary:
      'Concept: cameratoezicht bij de woning vanaf R2 ook bij georganiseerde criminaliteit; alarmopvolging op de werkplek ' +
      'alleen als de werkgever geen enkele maatregel treft; contact met een ervaringsdeskundige vanaf R2 bij langdurige dreiging.',
  },
];
