/**
 * The vocabulary the package policy's decision tables produce: measure and care-module codes,
 * with Dutch labels for letters. The DMN
 * output values restrict tables to these codes; an unknown code (e.g. added in dmn-js before
 * this list) still flows through, labelled by its code and reported as unestimated.
 */

export const ACTIVITY_DOMAINS = ['home', 'work', 'transport', 'private'] as const;
export type ActivityDomain = (typeof ACTIVITY_DOMAINS)[number];

/** Where a measure applies: one of the person's activity domains, or the package as a whole. */
export const MEASURE_DOMAINS = ['general', ...ACTIVITY_DOMAINS] as const;
export type MeasureDomain = (typeof MEASURE_DOMAINS)[number];

export type MeasuresByDomain = Record<MeasureDomain, string[]>;

/** Every measure code of a package, with its domain, in domain order. */
export function listMeasures(measures: MeasuresByDomain): { domain: MeasureDomain; measure: string }[] {
  return MEASURE_DOMAINS.flatMap((domain) => measures[domain].map((measure) => ({ domain, measure })));
}

/** The DMN decision that yields each domain's measures. */
export const DOMAIN_DECISIONS: Record<MeasureDomain, string> = {
  general: 'generalMeasures',
  home: 'homeMeasures',
  work: 'workMeasures',
  transport: 'transportMeasures',
  private: 'privateMeasures',
};

export const DOMAIN_LABELS_NL: Record<MeasureDomain, string> = {
  general: 'Algemeen',
  home: 'Woning',
  work: 'Werk',
  transport: 'Vervoer',
  private: 'Privéactiviteiten',
};

export const MEASURE_LABELS_NL: Record<string, string> = {
  inform_and_advise: 'informatie over de dreiging en advies over wat u zelf kunt doen',
  protection_under_conditions: 'beveiliging onder voorwaarden',
  counter_intelligence_advice: 'advies over digitale veiligheid en contra-inlichtingen',
  security_advice_home: 'beveiligingsadvies voor uw woning',
  alarm_follow_up_home: 'alarmopvolging met voorrang bij uw woning',
  camera_surveillance_home: 'cameratoezicht bij uw woning',
  technical_measures_home: 'bouwkundige en technische maatregelen aan uw woning',
  static_guard_home: 'bewaking van uw woning',
  employer_advice: 'advies aan uw werkgever over zijn eigen maatregelen',
  alarm_follow_up_work: 'alarmopvolging op uw werkplek',
  camera_surveillance_work: 'cameratoezicht op uw werkplek',
  guard_workplace: 'bewaking op uw werkplek',
  travel_advice: 'advies over veilig reizen',
  escort_work_travel: 'begeleiding bij woon-werkverkeer en werkafspraken',
  protected_transport: 'beveiligd vervoer met chauffeur',
  private_activity_advice: 'advies over uw privéactiviteiten',
  private_activity_restrictions: 'tijdelijke beperkingen van uw privéactiviteiten',
  escort_private_activities: 'begeleiding bij geplande privéactiviteiten',
};

export const CARE_MODULE_LABELS_NL: Record<string, string> = {
  care_person: 'psychosociale zorg voor uzelf',
  care_partner: 'psychosociale zorg voor uw partner',
  care_children: 'psychosociale zorg voor uw kinderen',
  peer_support: 'contact met een ervaringsdeskundige',
};

export const RESISTANCE_LEVEL_LABELS_NL: Record<string, string> = {
  R1: 'R1 (licht)',
  R2: 'R2 (middel)',
  R3: 'R3 (zwaar)',
  R4: 'R4 (zwaarst)',
};
