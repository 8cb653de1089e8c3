import { isUniqueViolation, type Database, type Db } from '@hoeder/db';
import { fail, type DomainError, type Result } from '@hoeder/domain';
import type { Kysely } from 'kysely';
import { createAuditGroupCommit } from '../../audit/audit-group-commit';
import { toRecord, type AuditEvent, type AuditService } from '../../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../actor';
import { audited } from './audited';

/** What a check found: a grant for the handler and the purpose the access is logged under, or a refusal. */
export type Checked<G> =
  | { ok: true; grant: G; purpose: string; details?: Record<string, unknown>; dataSubjectId?: string }
  | { ok: false; error: DomainError; purpose?: string };

/**
 * One access to guard: what the audit entry names, and the need-to-know check. Checks live in this
 * folder (case-check.ts, daf-check.ts, ...): only they can mint grants (ADR 0010).
 */
export interface Access<G> {
  operation: string;
  objectType: string;
  objectId?: string | undefined;
  /** The case whose people the access concerns, when it concerns personal data. */
  dataSubjectId?: string | undefined;
  /** The purpose logged with a refusal when the check names none. */
  processingActivity?: string;
  check: (trx: Db, actor: AuthenticatedActor, now: Date) => Promise<Checked<G>>;
  /** A stream command: a lost race on the stream's unique constraint becomes this failure. */
  conflict?: () => DomainError;
  /**
   * The handler only reads: no transaction, and the access's entries are group-committed with
   * other reads' (ADR 0038). The result is returned only once they are committed; if they cannot
   * be, the access fails and nothing is served.
   */
  readOnly?: true;
}

/** What the handler gets: the transaction, the grant, and a way to add to the audit entry. */
export interface Scope<G> {
  trx: Db;
  grant: G;
  /** Adds identifiers (never personal data) to the details of this access's audit entry. */
  note(details: Record<string, unknown>): void;
  /** A further entry of the same access. */
  record(event: AuditEvent): Promise<void>;
  /** Further entries of the same access in one statement, e.g. one per information item served. */
  recordMany(events: readonly AuditEvent[]): Promise<void>;
}

/** How a refused access is logged: a refusal on access is a denial, anything else an error. */
export const auditStatus = (code: DomainError['code']) => (code === 'NOT_FOUND' || code === 'FORBIDDEN_ACTION' ? 'denied' : 'error');

const DEFAULT_PURPOSE = 'protection.case_handling';

type EntryOf = (status: AuditEvent['status'], purpose: string | undefined, details: Record<string, unknown>, dataSubjectId?: string) => AuditEvent;

/**
 * The guarded layer (ADR 0010): every read and every command on personal data runs through
 * `withAccess`. In one transaction it runs the need-to-know check, hands the handler a grant that
 * the personal-data repositories require, and writes the ok, denied or error entry itself. A
 * failure it audited is marked so the HTTP edge does not log it twice.
 */
export function createGuard({ db, audit }: { db: Kysely<Database>; audit: AuditService }) {
  const groupCommit = createAuditGroupCommit(db);

  /** A read-only access (ADR 0038): check, read, then the entries in a group commit; the result only after it. */
  async function readAccess<G, T>(ctx: RequestContext, actor: AuthenticatedActor, access: Access<G>, entry: EntryOf, fn: (scope: Scope<G>) => Promise<Result<T>>): Promise<Result<T>> {
    const checked = await access.check(db, actor, ctx.now);
    if (!checked.ok) {
      await groupCommit.append([toRecord(ctx, actor, entry(auditStatus(checked.error.code), checked.purpose, { errorCode: checked.error.code }))]);
      return audited<T>({ ok: false, error: checked.error });
    }
    const noted: Record<string, unknown> = { ...checked.details };
    const further: AuditEvent[] = [];
    const scope: Scope<G> = {
      trx: db,
      grant: checked.grant,
      note: (d) => Object.assign(noted, d),
      // Further entries of the access join its closing entry: one caller, one statement, one commit.
      record: async (e) => void further.push(e),
      recordMany: async (events) => void further.push(...events),
    };
    const result = await fn(scope);
    const status = result.ok ? 'ok' : auditStatus(result.error.code);
    const closing = entry(status, checked.purpose, result.ok ? noted : { ...noted, errorCode: result.error.code }, checked.dataSubjectId ?? access.dataSubjectId);
    await groupCommit.append([...further, closing].map((e) => toRecord(ctx, actor, e)));
    return audited(result);
  }

  async function withAccess<G, T>(ctx: RequestContext, actor: AuthenticatedActor, access: Access<G>, fn: (scope: Scope<G>) => Promise<Result<T>>): Promise<Result<T>> {
    const entry: EntryOf = (status, purpose, details, dataSubjectId = access.dataSubjectId) => ({
      operation: access.operation,
      status,
      processingActivity: purpose ?? access.processingActivity ?? DEFAULT_PURPOSE,
      objectType: access.objectType,
      objectId: access.objectId ?? null,
      dataSubjectId: dataSubjectId ?? null,
      details,
    });
    if (access.readOnly) return readAccess(ctx, actor, access, entry, fn);
    try {
      return await db.transaction().execute(async (trx) => {
        const checked = await access.check(trx, actor, ctx.now);
        if (!checked.ok) {
          await audit.recordAtCommit(trx, ctx, actor, entry(auditStatus(checked.error.code), checked.purpose, { errorCode: checked.error.code }));
          return audited<T>({ ok: false, error: checked.error });
        }
        const noted: Record<string, unknown> = { ...checked.details };
        const scope: Scope<G> = {
          trx,
          grant: checked.grant,
          note: (d) => Object.assign(noted, d),
          record: (e) => audit.record(trx, ctx, actor, e),
          recordMany: (events) => audit.recordMany(trx, ctx, actor, [...events]),
        };
        const result = await fn(scope);
        const status = result.ok ? 'ok' : auditStatus(result.error.code);
        // A check that resolved the case behind the object (an assignment) names it as the data subject.
        // The last statement: it travels with the COMMIT, and its failure fails the COMMIT (ADR 0036).
        await audit.recordAtCommit(trx, ctx, actor, entry(status, checked.purpose, result.ok ? noted : { ...noted, errorCode: result.error.code }, checked.dataSubjectId ?? access.dataSubjectId));
        return audited(result);
      });
    } catch (error) {
      // A lost race on a stream: the other writer won; nothing of ours was stored. Logged anew.
      if (!access.conflict || !isUniqueViolation(error)) throw error;
      const lost = access.conflict();
      await db.transaction().execute((trx) => audit.record(trx, ctx, actor, entry('error', undefined, { errorCode: lost.code })));
      return audited<T>(fail(lost.code, lost.message, lost.details));
    }
  }

  return { withAccess };
}

export type Guard = ReturnType<typeof createGuard>;

/** A refusal that hides whether the object exists: the same for "missing" and "may not see". */
export const hidden = (what = 'case'): Checked<never> => ({ ok: false, error: { code: 'NOT_FOUND', message: `${what} not found` } });

export const forbidden = (message: string, purpose?: string): Checked<never> => ({ ok: false, error: { code: 'FORBIDDEN_ACTION', message }, ...(purpose ? { purpose } : {}) });

/** A check on the actor's role only (no object, no personal data): staff list, policy administration. */
export const roleCheck =
  (allowed: (actor: AuthenticatedActor) => boolean, message: string, purpose: string) =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<true>> =>
    allowed(actor) ? { ok: true, grant: true, purpose } : forbidden(message, purpose);
