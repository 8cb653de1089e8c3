import { sql, type Kysely } from 'kysely';

/**
 * Issue 12 follow-up (ADR 0032).
 *
 * 1. The household member's relation gets a code (`relation_code`, HOUSEHOLD_RELATIONS in
 *    packages/domain); the free text stays as a note. Existing rows get a code derived from their
 *    text here, and say so (`relation_code_basis = 'derived_at_migration'`); a text that names no
 *    known relation becomes `other_household_member`. New rows are stated at intake ('intake').
 * 2. A letter references the record it was addressed from (the person file, the employer record or
 *    the local authority's addressee); letters made before this have none.
 * 3. The local authority's addressee (mayor or chief prosecutor) is typed once and stored as such.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE case_person ADD COLUMN relation_code text
      CHECK (relation_code IN ('partner', 'child', 'parent', 'sibling', 'other_household_member'));
    ALTER TABLE case_person ADD COLUMN relation_code_basis text
      CHECK (relation_code_basis IN ('intake', 'derived_at_migration'));
    ALTER TABLE case_person ADD CONSTRAINT case_person_relation_code_basis CHECK ((relation_code IS NULL) = (relation_code_basis IS NULL));

    UPDATE case_person SET
      relation_code = CASE
        WHEN relation ~* '(partner|echtgeno|spouse|husband|wife|vriend|\\mman\\M|\\mvrouw\\M)' THEN 'partner'
        WHEN relation ~* '(kind|zoon|dochter|child|\\mson\\M|daughter)' THEN 'child'
        WHEN relation ~* '(vader|moeder|ouder|father|mother|parent)' THEN 'parent'
        WHEN relation ~* '(broer|zus|sibling|brother|sister)' THEN 'sibling'
        ELSE 'other_household_member'
      END,
      relation_code_basis = 'derived_at_migration'
    WHERE role = 'household_member';

    ALTER TABLE case_letter ADD COLUMN addressed_from_kind text CHECK (addressed_from_kind IN ('person', 'employer', 'local_authority'));
    ALTER TABLE case_letter ADD COLUMN addressed_from_id uuid;
    ALTER TABLE case_letter ADD CONSTRAINT case_letter_addressed_from CHECK ((addressed_from_kind IS NULL) = (addressed_from_id IS NULL));

    CREATE TABLE local_authority_addressee (
      addressee_id uuid PRIMARY KEY,
      role text NOT NULL CHECK (role IN ('mayor', 'chief_prosecutor')),
      name text NOT NULL,
      office text NOT NULL,
      address_lines text NOT NULL,
      recorded_by uuid NOT NULL REFERENCES app_user (user_id),
      recorded_at timestamptz NOT NULL
    );

    GRANT SELECT, INSERT ON local_authority_addressee TO hoeder_app;
  `.execute(db);
}
