import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Snapshots of a stream's projected state, so a record with a long history is not
 * replayed in full on every command (issue 10: cost must not grow with history). A snapshot is a
 * cache of the fold, never a source: it is rebuilt from the stream whenever it is missing or its
 * shape number differs from the code's, and it holds exactly what the stream holds, under the
 * same need-to-know (it is read only through the guarded layer). The state is JSON kept as text:
 * it is only ever read whole, so the server never needs to parse it as jsonb.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stream_snapshot (
      stream text NOT NULL CHECK (stream IN ('case', 'assessment')),
      case_id uuid NOT NULL REFERENCES case_summary(case_id),
      version integer NOT NULL CHECK (version >= 1),
      shape integer NOT NULL,
      state text NOT NULL,
      taken_at timestamptz NOT NULL,
      PRIMARY KEY (stream, case_id)
    );
    GRANT SELECT, INSERT, UPDATE ON stream_snapshot TO hoeder_app;
  `.execute(db);
}
