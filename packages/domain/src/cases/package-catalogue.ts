import type { ResistanceLevel } from '../shared/vocabulary';

/**
 * The small catalogue of security packages for the walking skeleton. Packages build up in weight
 * (DOMAIN §5); the DMN policy will later propose one, this catalogue names what can be chosen.
 */
export interface SecurityPackage {
  code: string;
  weight: number;
  suitableFor: readonly ResistanceLevel[];
  measures: readonly { domain: 'home' | 'work' | 'transport' | 'private' | 'care'; measure: string }[];
}

export const PACKAGE_CATALOGUE: readonly SecurityPackage[] = [
  {
    code: 'P1-ADVICE',
    weight: 1,
    suitableFor: ['R1'],
    measures: [
      { domain: 'home', measure: 'security_advice' },
      { domain: 'care', measure: 'psychosocial_intake' },
    ],
  },
  {
    code: 'P2-SURVEILLANCE',
    weight: 2,
    suitableFor: ['R1', 'R2'],
    measures: [
      { domain: 'home', measure: 'technical_measures_home' },
      { domain: 'home', measure: 'camera_surveillance' },
      { domain: 'work', measure: 'employer_security_plan' },
      { domain: 'care', measure: 'psychosocial_support_person' },
    ],
  },
  {
    code: 'P3-PERSONAL-PROTECTION',
    weight: 3,
    suitableFor: ['R2', 'R3'],
    measures: [
      { domain: 'home', measure: 'camera_surveillance' },
      { domain: 'work', measure: 'close_protection_work' },
      { domain: 'transport', measure: 'protected_transport' },
      { domain: 'care', measure: 'psychosocial_support_household' },
    ],
  },
  {
    code: 'P4-FULL-PROTECTION',
    weight: 4,
    suitableFor: ['R3', 'R4'],
    measures: [
      { domain: 'home', measure: 'static_guard_home' },
      { domain: 'work', measure: 'close_protection_work' },
      { domain: 'transport', measure: 'armoured_transport' },
      { domain: 'private', measure: 'close_protection_private' },
      { domain: 'care', measure: 'psychosocial_support_household' },
    ],
  },
];

export const findPackage = (code: string): SecurityPackage | undefined => PACKAGE_CATALOGUE.find((p) => p.code === code);
