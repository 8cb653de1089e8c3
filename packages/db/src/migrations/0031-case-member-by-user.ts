import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The overview's capped count from the reader's memberships (issue 13, ADR 0045): the
 * cases a user is a member of, in case order, from one index — so the count walks the reader's
 * memberships and the summaries' primary key side by side and stops at the cap, where it probed the
 * membership of every case it read. Replaces the index on user_id alone, which it covers. Only
 * indexes: the app role's rights are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX case_member_user_case ON case_member (user_id, case_id);
    DROP INDEX case_member_user;
  `.execute(db);
}
