import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import { compile } from '@hoeder/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlanningInputSource, demoProblem } from './planning-input';

describe('the demo planning input', () => {
  it('covers four weeks with the same officers, their contracts scaled to the horizon, and unique posts', () => {
    const week = demoProblem(1, 10, 0.1, 7);
    const four = demoProblem(1, 10, 0.1, 28);
    expect(four.days).toBe(28);
    expect(four.officers.map((o) => o.id)).toEqual(week.officers.map((o) => o.id));
    expect(four.officers[0]!.contract.maxTotalMinutes).toBe(4 * week.officers[0]!.contract.maxTotalMinutes);
    expect(new Set(four.posts.map((p) => p.id)).size).toBe(four.posts.length);
    expect(Math.max(...four.posts.map((p) => p.day))).toBeGreaterThanOrEqual(21);
    expect(four.posts.every((p) => p.day < 28) && four.officers.every((o) => o.leaveDays.every((d) => d < 28))).toBe(true);
    expect(compile(four).ok).toBe(true);
  });

  it('trims a period shorter than a week', () => {
    const three = demoProblem(1, 10, 0.1, 3);
    expect(three.posts.every((p) => p.day < 3)).toBe(true);
  });
});

describe('the demo source', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  it('gives the same input for the same period and every post a case, a Dutch label and every officer a unit', async () => {
    const source = demoPlanningInputSource({ persons: 5, officerScale: 0.05 });
    const period = { startDate: '2026-03-09', days: 7 };
    const [a, b] = [await source(db.db, period), await source(db.db, period)];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const p of a.problem.posts) expect(a.posts[p.id]).toMatchObject({ caseId: expect.stringMatching(/^[0-9a-f-]{36}$/), label: expect.stringMatching(/^(Woning|Vervoer|Werk|Privé)/) });
    for (const o of a.problem.officers) expect(a.officers[o.id]!.unitId).toBe(o.unitId);
    const next = await source(db.db, { startDate: '2026-03-16', days: 7 });
    expect(JSON.stringify(next.problem.posts)).not.toBe(JSON.stringify(a.problem.posts));
  });
});
