import type { PersonRole } from '../shared/vocabulary';

/**
 * The coded relation of a household member to the threatened person (issue 12 item 1). Set at
 * intake; the free-text relation stays as an optional note. The policy facts "partner" and
 * "children" are derived from this code only, never from the note.
 */
export const HOUSEHOLD_RELATIONS = ['partner', 'child', 'parent', 'sibling', 'other_household_member'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

/**
 * Where a stored code comes from: stated at intake, or derived from the free text by migration
 * 0023 for persons registered before the code existed (shown so, never presented as stated).
 */
export const RELATION_CODE_BASES = ['intake', 'derived_at_migration'] as const;
export type RelationCodeBasis = (typeof RELATION_CODE_BASES)[number];

/** Which relations the household policy facts count. */
export const HOUSEHOLD_FACT_RELATIONS = { hasPartner: ['partner'], hasChildren: ['child'] } as const satisfies Record<string, readonly HouseholdRelation[]>;

/** Only a household member has a relation to the threatened person; the person themselves has none. */
export const relationCodeRequired = (role: PersonRole): boolean => role === 'household_member';
