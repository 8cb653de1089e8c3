import { describe, expect, it } from 'vitest';
import { checkFourEyes, checkPublishable, checkTransition, policyWriters } from './lifecycle';

const row = (status: 'draft' | 'submitted' | 'published', revision = 3) => ({ version: '2026.2', status, revision });

describe('the policy-version lifecycle', () => {
  it('submits drafts, and publishes or returns submitted versions only', () => {
    expect(checkTransition(row('draft'), 'submit', 3)).toMatchObject({ ok: true, value: { to: 'submitted' } });
    expect(checkTransition(row('draft'), 'publish', 3)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(checkTransition(row('published'), 'return', 3)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(checkTransition(row('submitted'), 'return', 3)).toMatchObject({ ok: true, value: { to: 'draft', fourEyes: true } });
  });

  it('refuses a step based on an older revision', () => {
    expect(checkTransition(row('submitted', 4), 'publish', 3)).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT', details: { currentRevision: 4 } } });
  });

  it('keeps every writer and the submitter from deciding (four eyes)', () => {
    const writers = policyWriters({ authorId: 'a', submittedBy: 'b' }, [{ action: 'saved', actorId: 'c' }, { action: 'returned', actorId: 'd' }]);
    expect([...writers].sort()).toEqual(['a', 'b', 'c']);
    for (const id of ['a', 'b', 'c']) expect(checkFourEyes(writers, id)).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    expect(checkFourEyes(writers, 'd').ok).toBe(true);
  });

  it('publishes neither retroactively nor on a day another version claims', () => {
    expect(checkPublishable({ effectiveFrom: '2026-01-01' }, '2026-02-01', []).ok).toBe(false);
    expect(checkPublishable({ effectiveFrom: '2026-03-01' }, '2026-02-01', [{ version: 'x', effectiveFrom: '2026-03-01' }]).ok).toBe(false);
    expect(checkPublishable({ effectiveFrom: '2026-03-01' }, '2026-02-01', [{ version: 'x', effectiveFrom: '2026-04-01' }]).ok).toBe(true);
  });
});
