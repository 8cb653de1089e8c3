import { parseArgs } from 'node:util';
import { openDatabase } from '@hoeder/db';
import { describeProblem } from '@hoeder/domain/audit';
import { createAuditService } from '../audit/audit.service';
import { loadAuditSigningKey, readPublicKey } from '../audit/audit-signing-key';
import { readWitnessFile } from '../audit/witness-file';
import { loadConfig } from '../config';

/**
 * `npm run audit:verify [-- --witness <file>] [--public-key <pem>]...`: checks every entry against
 * the Merkle tree, every checkpoint's signature, each checkpoint's consistency with the next, and
 * (with --witness) that the database's tree extends the checkpoints a witness kept. Exit 0 when
 * intact, 1 naming each problem, 2 when it could not run. With PGlite, stop the server first (one
 * process per data folder); with DATABASE_URL it can run any time.
 */
async function main() {
  const { values } = parseArgs({ options: { witness: { type: 'string' }, 'public-key': { type: 'string', multiple: true } } });
  const config = loadConfig();
  const witness = values.witness ? readWitnessFile(values.witness) : [];
  const audit = createAuditService({ signingKey: loadAuditSigningKey(config), trustedKeys: (values['public-key'] ?? []).map(readPublicKey) });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const v = await audit.verify(database.db, { witness });
    const counts = `${v.entries} entries, ${v.leaves} sealed as leaves, ${v.checkpoints} checkpoints${witness.length ? `, ${witness.length} witness checkpoints` : ''}`;
    const unsealed = `${v.unsealed} entries not yet sealed`;
    if (v.ok) {
      console.log(`audit log intact: ${counts}; ${unsealed}${v.latest ? `; latest tree size ${v.latest.treeSize}, root ${v.latest.rootHash}` : ''}`);
      return 0;
    }
    console.error(`audit log NOT intact (${counts}; ${unsealed}):\n${v.problems.map((p) => `  ${p.kind}: ${describeProblem(p)}`).join('\n')}`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('audit:verify failed:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
