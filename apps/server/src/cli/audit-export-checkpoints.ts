import { openDatabase, listAuditCheckpoints } from '@hoeder/db';
import { loadConfig } from '../config';
import { writeWitnessFile } from '../audit/witness-file';

/**
 * `npm run audit:export-checkpoints -- <file>`: writes the signed checkpoints to a file for an
 * outside witness. Checkpoints hold sizes and hashes only, no personal data.
 */
async function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: npm run audit:export-checkpoints -- <file>');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const checkpoints = [];
    for (let page = await listAuditCheckpoints(database.db, 0); page.length > 0; page = await listAuditCheckpoints(database.db, page.at(-1)!.treeSize)) checkpoints.push(...page);
    writeWitnessFile(path, checkpoints, new Date());
    const latest = checkpoints.at(-1);
    console.log(`exported ${checkpoints.length} checkpoints to ${path}${latest ? ` (latest tree size ${latest.treeSize})` : ''}`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('audit:export-checkpoints failed:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
