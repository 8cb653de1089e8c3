import { openDatabase } from '@hoeder/db';
import { createAuditService } from '../audit/audit.service';
import { loadConfig } from '../config';

/**
 * `npm run audit:verify`: walks the whole audit chain. Exit 0 when intact; otherwise exit 1 and
 * name the first entry that does not fit. With PGlite, run it while the server is stopped
 * (one process per data folder); with DATABASE_URL it can run any time.
 */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const verdict = await createAuditService().verify(database.db);
    if (verdict.ok) {
      console.log(`audit log intact: ${verdict.entries} entries, head ${verdict.headHash}`);
      return 0;
    }
    console.error(`audit log NOT intact: first bad entry seq=${verdict.firstBadSeq} (${verdict.reason})`);
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
