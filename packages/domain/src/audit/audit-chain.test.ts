import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  auditEntryHash,
  canonicalJson,
  verifyAuditChain,
  type AuditRecord,
  type ChainVerdict,
  type ChainedAuditRecord,
} from './audit-chain';

// ----- Fixtures ---------------------------------------------------------------------------------

const record = (i: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
  occurredAt: new Date(Date.UTC(2026, 2, 2, 9, 0, i)).toISOString(),
  traceId: `trace-${i}`,
  operation: i % 2 ? 'case.read' : 'case.command.RecordAssessment',
  status: 'ok',
  userId: `u-${i % 3}`,
  userOrganisation: 'NCTV',
  userRole: 'threat_analyst',
  processingActivity: 'protection.case_handling',
  objectType: 'case',
  objectId: `case-${i % 4}`,
  dataSubjectId: `case-${i % 4}`,
  details: { version: i, sections: ['summary', 'assessment'] },
  ...over,
});

/** Appends records the way the audit service does: seq from 1, each hash binding its predecessor. */
function chain(records: readonly AuditRecord[], startSeq = 1, startHash = GENESIS_HASH): ChainedAuditRecord[] {
  const out: ChainedAuditRecord[] = [];
  let prevHash = startHash;
  records.forEach((r, i) => {
    const seq = startSeq + i;
    const hash = auditEntryHash(seq, prevHash, r);
    out.push({ ...r, seq, prevHash, hash });
    prevHash = hash;
  });
  return out;
}

const intact = (n: number) => chain(Array.from({ length: n }, (_, i) => record(i + 1)));

/** Replaces entry `seq` of the chain (1-based) with a changed copy. */
const alter = (entries: ChainedAuditRecord[], seq: number, change: Partial<ChainedAuditRecord>) =>
  entries.map((e) => (e.seq === seq ? { ...e, ...change } : e));

/** Verifies page by page, carrying seq and head hash across pages, as the server does. */
function verifyInPages(entries: readonly ChainedAuditRecord[], pageSize: number): ChainVerdict {
  let from = 1;
  let head = GENESIS_HASH;
  let count = 0;
  for (let i = 0; i < entries.length; i += pageSize) {
    const page = entries.slice(i, i + pageSize);
    const verdict = verifyAuditChain(page, from, head);
    if (!verdict.ok) return verdict;
    count += verdict.entries;
    head = verdict.headHash;
    from += page.length;
  }
  return { ok: true, entries: count, headHash: head };
}

// ----- Canonical JSON ---------------------------------------------------------------------------

/** A deep copy with the keys of every object in reverse or shuffled order. */
function reorderKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, order));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(obj)).map((k) => [k, reorderKeys(obj[k], order)]));
}

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('is valid JSON that parses back to the same value', () => {
    const value = { name: 'Jan "de" Vries\n', n: -1.5e-7, ok: true, list: [], nested: { é: '✓' } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('drops undefined properties (as JSON does) and writes undefined elsewhere as null', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is independent of key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (value, seed) => {
        let s = seed;
        const shuffle = (keys: string[]) => {
          const k = [...keys];
          for (let i = k.length - 1; i > 0; i -= 1) {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            const j = s % (i + 1);
            [k[i], k[j]] = [k[j]!, k[i]!];
          }
          return k;
        };
        const expected = canonicalJson(value);
        expect(canonicalJson(reorderKeys(value, (keys) => [...keys].reverse()))).toBe(expected);
        expect(canonicalJson(reorderKeys(value, shuffle))).toBe(expected);
        // Round trip: canonical JSON of the parsed canonical JSON is itself.
        expect(canonicalJson(JSON.parse(expected))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('hashes what is stored: a value and its JSON round trip (as the log table keeps it) agree', () => {
    // The repository stores JSON.stringify(details) and the verifier re-hashes what it reads back.
    const details = { at: new Date(Date.UTC(2026, 2, 2, 9)), nested: [{ when: new Date(0) }], custom: { toJSON: () => 'marker' } };
    expect(canonicalJson(details)).toBe(canonicalJson(JSON.parse(JSON.stringify(details))));
    expect(canonicalJson({ at: new Date(0) })).not.toBe(canonicalJson({ at: new Date(1) }));
    const r = record(1, { details });
    const stored = JSON.parse(JSON.stringify(r)) as AuditRecord;
    expect(auditEntryHash(1, GENESIS_HASH, stored)).toBe(auditEntryHash(1, GENESIS_HASH, r));
  });

  it('distinguishes values that differ', () => {
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ 'a,b': 1 })).not.toBe(canonicalJson({ a: 1, b: 1 }));
  });
});

describe('auditEntryHash', () => {
  it('is a sha-256 hex digest that ignores the key order of the record', () => {
    const r = record(1);
    const h = auditEntryHash(1, GENESIS_HASH, r);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEntryHash(1, GENESIS_HASH, reorderKeys(r, (k) => [...k].reverse()) as AuditRecord)).toBe(h);
  });

  it('binds the sequence number, the predecessor and the content', () => {
    const r = record(1);
    const h = auditEntryHash(1, GENESIS_HASH, r);
    expect(auditEntryHash(2, GENESIS_HASH, r)).not.toBe(h);
    expect(auditEntryHash(1, 'f'.repeat(64), r)).not.toBe(h);
    expect(auditEntryHash(1, GENESIS_HASH, { ...r, status: 'denied' })).not.toBe(h);
  });
});

// ----- The verifier -----------------------------------------------------------------------------

describe('verifyAuditChain', () => {
  it('accepts an intact chain and reports its length and head', () => {
    const entries = intact(6);
    expect(verifyAuditChain(entries)).toEqual({ ok: true, entries: 6, headHash: entries[5]?.hash });
  });

  it('accepts the empty chain: the head is the genesis hash', () => {
    expect(verifyAuditChain([])).toEqual({ ok: true, entries: 0, headHash: GENESIS_HASH });
  });

  it('an altered field: hash_mismatch at that entry', () => {
    const entries = intact(6);
    expect(verifyAuditChain(alter(entries, 3, { status: 'denied' }))).toEqual({ ok: false, firstBadSeq: 3, reason: 'hash_mismatch' });
    expect(verifyAuditChain(alter(entries, 1, { details: { version: 1, sections: ['summary'] } }))).toEqual({ ok: false, firstBadSeq: 1, reason: 'hash_mismatch' });
    expect(verifyAuditChain(alter(entries, 6, { userId: null }))).toEqual({ ok: false, firstBadSeq: 6, reason: 'hash_mismatch' });
  });

  it('re-ordered keys inside details are not an alteration', () => {
    const entries = intact(3);
    const reordered = alter(entries, 2, { details: { sections: ['summary', 'assessment'], version: 2 } });
    expect(verifyAuditChain(reordered).ok).toBe(true);
  });

  it('a removed middle entry: gap_in_sequence at the missing number', () => {
    const entries = intact(6);
    expect(verifyAuditChain(entries.filter((e) => e.seq !== 3))).toEqual({ ok: false, firstBadSeq: 3, reason: 'gap_in_sequence' });
  });

  it('a removed first entry, a duplicated entry, swapped entries: gap_in_sequence', () => {
    const entries = intact(5);
    expect(verifyAuditChain(entries.slice(1))).toEqual({ ok: false, firstBadSeq: 1, reason: 'gap_in_sequence' });
    expect(verifyAuditChain([...entries.slice(0, 3), entries[2]!, ...entries.slice(3)])).toEqual({ ok: false, firstBadSeq: 4, reason: 'gap_in_sequence' });
    expect(verifyAuditChain([entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)])).toEqual({ ok: false, firstBadSeq: 2, reason: 'gap_in_sequence' });
  });

  it('a re-linked entry (pointing past its predecessor, own hash recomputed): broken_link there', () => {
    const entries = intact(6);
    const e3 = entries[2]!;
    const { seq, prevHash: _p, hash: _h, ...content } = e3;
    const relinkedPrev = entries[0]!.hash; // skips entry 2
    const relinked = alter(entries, 3, { prevHash: relinkedPrev, hash: auditEntryHash(seq, relinkedPrev, content) });
    expect(verifyAuditChain(relinked)).toEqual({ ok: false, firstBadSeq: 3, reason: 'broken_link' });
  });

  it('an altered entry whose own hash was recomputed: broken_link at the next entry', () => {
    const entries = intact(6);
    const { seq, prevHash, hash: _h, ...content } = entries[2]!;
    const forged = { ...content, status: 'denied' as const };
    const rehashed = alter(entries, 3, { ...forged, hash: auditEntryHash(seq, prevHash, forged) });
    expect(verifyAuditChain(rehashed)).toEqual({ ok: false, firstBadSeq: 4, reason: 'broken_link' });
  });

  it('a rewrite of the whole tail verifies on its own, but not against the recorded head', () => {
    // The chain alone cannot tell a full rewrite from the original: the head hash (or a signed
    // checkpoint) must be kept apart, as the audit service does with its recorded head.
    const entries = intact(6);
    const rewritten = [...entries.slice(0, 2), ...chain([record(3, { status: 'denied' }), record(4), record(5), record(6)], 3, entries[1]!.hash)];
    const verdict = verifyAuditChain(rewritten);
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.headHash).not.toBe(entries[5]!.hash);
  });

  it('starts where it is told: a later page verifies with its start seq and hash', () => {
    const entries = intact(6);
    expect(verifyAuditChain(entries.slice(3), 4, entries[2]!.hash)).toEqual({ ok: true, entries: 3, headHash: entries[5]!.hash });
    expect(verifyAuditChain(entries.slice(3), 4, GENESIS_HASH)).toEqual({ ok: false, firstBadSeq: 4, reason: 'broken_link' });
    expect(verifyAuditChain(entries.slice(3), 5, entries[2]!.hash)).toEqual({ ok: false, firstBadSeq: 5, reason: 'gap_in_sequence' });
    expect(verifyAuditChain([], 7, 'x')).toEqual({ ok: true, entries: 0, headHash: 'x' });
  });
});

// ----- Properties -------------------------------------------------------------------------------

const text = fc.string({ maxLength: 12 });
const recordArb: fc.Arbitrary<AuditRecord> = fc.record({
  occurredAt: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString()),
  traceId: fc.uuid(),
  operation: fc.constantFrom('case.read', 'case.list', 'case.command.ApproveDecision', 'auth.login'),
  status: fc.constantFrom('ok' as const, 'denied' as const, 'error' as const),
  userId: fc.option(text, { nil: null }),
  userOrganisation: fc.option(fc.constantFrom('NCTV', 'POLICE', 'INSPECTORATE'), { nil: null }),
  userRole: fc.option(fc.constantFrom('inspector', 'decision_maker'), { nil: null }),
  processingActivity: fc.constantFrom('protection.case_handling', 'oversight.inspection'),
  objectType: fc.constantFrom('case', 'session'),
  objectId: fc.option(text, { nil: null }),
  dataSubjectId: fc.option(text, { nil: null }),
  details: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
});

const FIELDS = [
  'seq',
  'prevHash',
  'hash',
  'occurredAt',
  'traceId',
  'operation',
  'status',
  'userId',
  'userOrganisation',
  'userRole',
  'processingActivity',
  'objectType',
  'objectId',
  'dataSubjectId',
  'details',
] as const satisfies readonly (keyof ChainedAuditRecord)[];

/** A replacement value of the right kind for a field. */
const replacementFor = (field: (typeof FIELDS)[number]): fc.Arbitrary<unknown> => {
  switch (field) {
    case 'seq':
      return fc.integer({ min: -5, max: 100 });
    case 'prevHash':
    case 'hash':
      return fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.constant(GENESIS_HASH), text);
    case 'status':
      return fc.constantFrom('ok', 'denied', 'error');
    case 'details':
      return fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    case 'userId':
    case 'userOrganisation':
    case 'userRole':
    case 'objectId':
    case 'dataSubjectId':
      return fc.option(text, { nil: null });
    default:
      return text;
  }
};

const EXPECTED_REASON: Partial<Record<(typeof FIELDS)[number], string>> = { seq: 'gap_in_sequence', prevHash: 'broken_link' };

const alteration = fc
  .record({ records: fc.array(recordArb, { minLength: 1, maxLength: 10 }), at: fc.nat(), field: fc.constantFrom(...FIELDS) })
  .chain(({ records, at, field }) => fc.record({ records: fc.constant(records), at: fc.constant(at % records.length), field: fc.constant(field), value: replacementFor(field) }));

describe('verifyAuditChain (properties)', () => {
  it('any single-field alteration of any entry is detected at that entry', () => {
    fc.assert(
      fc.property(alteration, ({ records, at, field, value }) => {
        const entries = chain(records);
        const original = entries[at]!;
        // Only a real change counts: the same value, or the same canonical form, is not one.
        fc.pre(canonicalJson(value) !== canonicalJson(original[field]));
        const tampered = entries.map((e, i) => (i === at ? { ...e, [field]: value } : e));
        expect(verifyAuditChain(tampered)).toEqual({ ok: false, firstBadSeq: original.seq, reason: EXPECTED_REASON[field] ?? 'hash_mismatch' });
      }),
      { numRuns: 300 },
    );
  });

  it('an intact chain of any content verifies, at once and in pages of any size alike', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 12 }), fc.integer({ min: 1, max: 13 }), (records, pageSize) => {
        const entries = chain(records);
        const verdict = verifyAuditChain(entries);
        expect(verdict).toEqual({ ok: true, entries: records.length, headHash: entries.at(-1)?.hash ?? GENESIS_HASH });
        expect(verifyInPages(entries, pageSize)).toEqual(verdict);
      }),
      { numRuns: 200 },
    );
  });

  it('verifying in pages with startSeq/startHash gives the same verdict as at once, for any tampering', () => {
    const tampering = fc.constantFrom('none', 'alter', 'remove', 'relink', 'rehash', 'duplicate');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), tampering, fc.integer({ min: 1, max: 13 }), (n, pick, how, pageSize) => {
        const entries = intact(n);
        const k = pick % n; // index of the entry tampered with
        const e = entries[k]!;
        let tampered: ChainedAuditRecord[];
        switch (how) {
          case 'none':
            tampered = entries;
            break;
          case 'alter':
            tampered = entries.map((x, i) => (i === k ? { ...x, operation: 'case.erase' } : x));
            break;
          case 'remove':
            tampered = entries.filter((_, i) => i !== k);
            break;
          case 'relink': {
            const { seq, prevHash: _p, hash: _h, ...content } = e;
            tampered = entries.map((x, i) => (i === k ? { ...x, prevHash: 'f'.repeat(64), hash: auditEntryHash(seq, 'f'.repeat(64), content) } : x));
            break;
          }
          case 'rehash': {
            const { seq, prevHash, hash: _h, ...content } = e;
            const forged = { ...content, status: 'error' as const };
            tampered = entries.map((x, i) => (i === k ? { ...x, ...forged, hash: auditEntryHash(seq, prevHash, forged) } : x));
            break;
          }
          case 'duplicate':
            tampered = [...entries.slice(0, k + 1), e, ...entries.slice(k + 1)];
            break;
        }
        const atOnce = verifyAuditChain(tampered);
        expect(verifyInPages(tampered, pageSize)).toEqual(atOnce);
        // ... and the verdict names the right place.
        const expected: ChainVerdict =
          how === 'none'
            ? { ok: true, entries: n, headHash: entries[n - 1]!.hash }
            : how === 'alter'
              ? { ok: false, firstBadSeq: k + 1, reason: 'hash_mismatch' }
              : how === 'remove'
                ? k === n - 1
                  ? { ok: true, entries: n - 1, headHash: entries[n - 2]?.hash ?? GENESIS_HASH } // a removed tail needs the recorded head
                  : { ok: false, firstBadSeq: k + 1, reason: 'gap_in_sequence' }
                : how === 'relink'
                  ? { ok: false, firstBadSeq: k + 1, reason: 'broken_link' }
                  : how === 'rehash'
                    ? k === n - 1
                      ? { ok: true, entries: n, headHash: auditEntryHash(k + 1, e.prevHash, { ...withoutChain(e), status: 'error' }) }
                      : { ok: false, firstBadSeq: k + 2, reason: 'broken_link' }
                    : { ok: false, firstBadSeq: k + 2, reason: 'gap_in_sequence' };
        expect(atOnce).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

function withoutChain(e: ChainedAuditRecord): AuditRecord {
  const { seq: _s, prevHash: _p, hash: _h, ...content } = e;
  return content;
}
