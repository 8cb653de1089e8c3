import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The audit log without a global lock (ADR 0012): entries take their number from a
 * sequence instead of the `audit_head` row, and a sealer folds them into an RFC 9162 Merkle tree
 * with signed checkpoints. Existing chained entries keep their data (prev_hash and hash stay, now
 * optional) and become leaves in seq order at the first seal. Leaves and checkpoints are
 * append-only like the entries: the same trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE audit_entry_seq AS bigint MINVALUE 1 OWNED BY audit_entry.seq;
    SELECT setval('audit_entry_seq', COALESCE((SELECT max(seq) FROM audit_entry), 0) + 1, false);
    ALTER TABLE audit_entry ALTER COLUMN seq SET DEFAULT nextval('audit_entry_seq');
    ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL;
    ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;
    DROP TABLE audit_head;

    CREATE TABLE audit_leaf (
      leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
      entry_seq bigint NOT NULL UNIQUE,
      leaf_hash text NOT NULL CHECK (leaf_hash ~ '^[0-9a-f]{64}$')
    );
    CREATE TABLE audit_checkpoint (
      tree_size bigint PRIMARY KEY CHECK (tree_size >= 1),
      root_hash text NOT NULL CHECK (root_hash ~ '^[0-9a-f]{64}$'),
      frontier jsonb NOT NULL,
      sealed_through_seq bigint NOT NULL,
      open_gaps jsonb NOT NULL,
      signed_at timestamptz NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL
    );

    CREATE TRIGGER audit_leaf_append_only BEFORE UPDATE OR DELETE ON audit_leaf
      FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
    CREATE TRIGGER audit_leaf_no_truncate BEFORE TRUNCATE ON audit_leaf
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
    CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
      FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
    CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

    GRANT SELECT, INSERT ON audit_leaf, audit_checkpoint TO hoeder_app;
    GRANT USAGE ON SEQUENCE audit_entry_seq TO hoeder_app;
  `.execute(db);
}
