/**
 * The executing units of DOMAIN §6. Police: DKDB (royal and diplomatic protection), BE (protection
 * unit), regional B&B teams, camera surveillance. KMar: BSB, HRB, the contingent. Private parties
 * take over supporting services. Kinds are the planner's unit kinds, so a unit is one row in both.
 */
export const UNIT_KINDS = ['dkdb', 'be', 'bb', 'camera', 'bsb', 'hrb', 'contingent', 'private-support'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_ORGANISATIONS = ['police', 'kmar', 'private'] as const;
export type UnitOrganisation = (typeof UNIT_ORGANISATIONS)[number];

/** Which organisation a kind of unit belongs to: fixed by law and covenant, not configurable. */
export const UNIT_KIND_ORGANISATION: Record<UnitKind, UnitOrganisation> = {
  dkdb: 'police',
  be: 'police',
  bb: 'police',
  camera: 'police',
  bsb: 'kmar',
  hrb: 'kmar',
  contingent: 'kmar',
  'private-support': 'private',
};

export interface Unit {
  unitId: string;
  name: string;
  kind: UnitKind;
  organisation: UnitOrganisation;
  /** The police region of a regional B&B team; null for national units. */
  region: string | null;
  active: boolean;
}
