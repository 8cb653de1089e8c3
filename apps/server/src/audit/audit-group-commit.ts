import { insertAuditEntries, type Db } from '@hoeder/db';
import type { AuditRecord } from '@hoeder/domain/audit';

/** At most this many entries in one statement; more wait for the next. */
export const GROUP_COMMIT_MAX = 500;

interface Waiting {
  records: readonly AuditRecord[];
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Group commit of the entries of read-only accesses (ADR 0038): the entries of the reads that
 * arrive while one statement is being committed go together in the next one — one INSERT, one
 * commit, one row per entry, numbered by the sequence as always. `append` resolves only once the
 * caller's entries are committed (durable as any commit is), so a read's data is served only after
 * its entry; it rejects when they are not, and the read then fails. No timer: a lone read is
 * written at once, under load the batches grow by themselves.
 *
 * One caller's entries are never split over two statements. Should a combined statement fail, each
 * caller's entries are retried on their own, so one caller's failure is not another's.
 */
export function createAuditGroupCommit(db: Db, insert: (db: Db, records: readonly AuditRecord[]) => Promise<void> = insertAuditEntries) {
  let queue: Waiting[] = [];
  let flushing = false;

  const settle = (w: Waiting, write: Promise<void>) => write.then(w.done, w.failed);

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        let n = 0;
        let take = 0;
        while (take < queue.length && (take === 0 || n + queue[take]!.records.length <= GROUP_COMMIT_MAX)) n += queue[take++]!.records.length;
        const batch = queue.slice(0, take);
        queue = queue.slice(take);
        try {
          await insert(db, batch.flatMap((w) => w.records));
          for (const w of batch) w.done();
        } catch (error) {
          if (batch.length === 1) batch[0]!.failed(error);
          else await Promise.all(batch.map((w) => settle(w, insert(db, w.records))));
        }
      }
    } finally {
      flushing = false;
    }
  }

  return {
    /** Resolves once these entries are committed; rejects (and nothing of them is stored) when they could not be. */
    append(records: readonly AuditRecord[]): Promise<void> {
      if (records.length === 0) return Promise.resolve();
      return new Promise<void>((done, failed) => {
        queue.push({ records, done, failed });
        if (!flushing) void flush();
      });
    },
  };
}

export type AuditGroupCommit = ReturnType<typeof createAuditGroupCommit>;
