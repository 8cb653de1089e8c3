/** Shared vocabulary of the protection system (DOMAIN.md glossary), as closed lists. */

export const ROLES = [
  'triage_officer',
  'threat_analyst',
  'decision_maker',
  'lcc_coordinator',
  'police_team_lead',
  'kmar_team_lead',
  'liaison',
  'inspector',
  'advisory_member',
  'functional_admin',
  // The NCTV's security officer (issue 13): receives and closes access anomaly alerts; reads no case.
  'security_officer',
  // Openbaar Ministerie, officier van justitie: the coordinate interest of investigation and prosecution (issue 14).
  'om_prosecutor',
] as const;
export type Role = (typeof ROLES)[number];

/** Organisations a user belongs to; originator release conditions are expressed in these. */
export const ORGANISATIONS = ['NCTV', 'NCTV_DAF', 'LCC', 'POLICE', 'KMAR', 'INSPECTORATE', 'ADVISORY_BODY', 'OM'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

/** Dutch government classification levels (ABDO), lowest first; the order is the clearance order. */
export const CLASSIFICATIONS = ['unclassified', 'dep_confidential', 'stg_confidential', 'stg_secret', 'stg_top_secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const classificationRank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);

export const THREAT_PHENOMENA = [
  'organised_crime',
  'terrorism',
  'state_actor',
  'radicalised_loner',
  'relational_violence',
  'stalking',
  'honour_related_violence',
  'other',
] as const;
export type ThreatPhenomenon = (typeof THREAT_PHENOMENA)[number];

/**
 * The four phenomena of the national protection system (DOMAIN §2): the triage scope, the facts
 * the package policy weighs, the DAF's method templates. The one list; everything else refers here.
 */
export const NATIONAL_PHENOMENA = ['organised_crime', 'terrorism', 'state_actor', 'radicalised_loner'] as const satisfies readonly ThreatPhenomenon[];
export type NationalPhenomenon = (typeof NATIONAL_PHENOMENA)[number];
export const isNationalPhenomenon = (p: string): p is NationalPhenomenon => (NATIONAL_PHENOMENA as readonly string[]).includes(p);

export const REFERRAL_SOURCES = ['public_prosecutor_transfer', 'police_unit', 'mayor', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const TRIAGE_OUTCOMES = ['national', 'limited_list', 'local_domain', 'witness_protection', 'not_eligible'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

export const LOCAL_AUTHORITIES = ['mayor', 'chief_prosecutor'] as const;
export type LocalAuthority = (typeof LOCAL_AUTHORITIES)[number];

export const THREAT_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

export const RESISTANCE_LEVELS = ['R1', 'R2', 'R3', 'R4'] as const;
export type ResistanceLevel = (typeof RESISTANCE_LEVELS)[number];

export const PERSON_ROLES = ['threatened_person', 'household_member'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
