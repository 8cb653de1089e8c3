import { UNIT_KIND_ORGANISATION, type Unit, type UnitKind } from '@hoeder/domain';

/** The ten police regions; each has a regional B&B team (DOMAIN §6). */
const POLICE_REGIONS = [
  'Noord-Nederland', 'Oost-Nederland', 'Midden-Nederland', 'Noord-Holland', 'Amsterdam',
  'Den Haag', 'Rotterdam', 'Zeeland-West-Brabant', 'Oost-Brabant', 'Limburg',
] as const;

const unit = (kind: UnitKind, n: number, name: string, region: string | null = null): Unit => ({
  unitId: `${kind}-${n}`,
  name,
  kind,
  organisation: UNIT_KIND_ORGANISATION[kind],
  region,
  active: true,
});

const numbered = (kind: UnitKind, count: number, name: (n: number) => string) => Array.from({ length: count }, (_, i) => unit(kind, i + 1, name(i + 1)));

/**
 * The synthetic national set of 30 executing units. Ids follow the planner's generator
 * (`<kind>-<n>`), so the synthetic LCC week and the demo database speak of the same units.
 */
export const DEMO_UNITS: readonly Unit[] = [
  ...numbered('dkdb', 2, (n) => `DKDB team ${n}`),
  ...numbered('be', 3, (n) => `Bewakingseenheid team ${n}`),
  ...POLICE_REGIONS.map((region, i) => unit('bb', i + 1, `B&B-team ${region}`, region)),
  ...numbered('camera', 2, (n) => `Cameratoezicht ${n === 1 ? 'Noord' : 'Zuid'}`),
  ...numbered('bsb', 3, (n) => `BSB peloton ${n}`),
  ...numbered('hrb', 2, (n) => `HRB eskadron ${n}`),
  ...numbered('contingent', 3, (n) => `Contingent persoonsbeveiliging ${n}`),
  ...numbered('private-support', 5, (n) => `Particuliere ondersteuning ${n}`),
];
