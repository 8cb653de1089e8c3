import { NATIONAL_PHENOMENA } from '../shared/vocabulary';
import type { TriageRuleset } from './triage-rules';

/**
 * Versioned triage criteria (DOMAIN §2). A new version is added here with its effective date;
 * old versions stay so that past triage decisions remain explainable.
 */
export const TRIAGE_RULESETS: readonly TriageRuleset[] = [
  {
    version: 'triage-2025.1',
    effectiveFrom: '2025-01-01',
    phenomenaInScope: [...NATIONAL_PHENOMENA],
    rules: [
      {
        id: 'TR-LIMITED-LIST',
        description: 'Person, object or service on the limited list: always national authority',
        when: [{ fact: 'onLimitedList', equals: true }],
        outcome: 'limited_list',
      },
      {
        id: 'TR-WITNESS-PROTECTION',
        description: 'Crown witness or core family in a witness-protection track: hand off to the OM',
        when: [{ fact: 'inWitnessProtectionTrack', equals: true }],
        outcome: 'witness_protection',
      },
      {
        id: 'TR-LOCAL-DOMAIN',
        description: 'Relational violence, stalking, honour-related violence: local domain',
        when: [{ fact: 'phenomenon', oneOf: ['relational_violence', 'stalking', 'honour_related_violence'] }],
        outcome: 'local_domain',
      },
      {
        id: 'TR-OWN-RESISTANCE',
        description: 'Own and employer resistance suffices: advice only',
        when: [{ fact: 'ownResistanceSufficient', equals: true }],
        outcome: 'not_eligible',
      },
      {
        id: 'TR-NATIONAL-PHENOMENON',
        description: 'One of the four phenomena and insufficient own resistance: national authority',
        when: [{ fact: 'phenomenon', oneOf: [...NATIONAL_PHENOMENA] }],
        outcome: 'national',
      },
      {
        id: 'TR-OTHER',
        description: 'Other threats outside the four phenomena: local domain',
        when: [],
        outcome: 'local_domain',
      },
    ],
  },
];
