import { fileURLToPath } from 'node:url';
import { fail } from '@hoeder/domain';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { unwrap } from '../http';
import { audited } from './audited';

const caught = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error('expected an AppError');
};

describe('the audited mark (ADR 0010)', () => {
  it('is set only on failures the guarded layer audited, so the error handler logs every other one', () => {
    expect(caught(() => unwrap(fail('FORBIDDEN_ACTION', 'no'))).audited).toBe(false);
    expect(caught(() => unwrap(audited(fail('FORBIDDEN_ACTION', 'no')))).audited).toBe(true);
  });
});

describe('the lint rule that keeps grants in the guarded layer', () => {
  const root = fileURLToPath(new URL('../../../../../', import.meta.url));
  const lint = async (code: string, file: string) => (await new ESLint({ cwd: root }).lintText(code, { filePath: `${root}${file}` }))[0]!.messages.map((m) => m.ruleId);

  it('refuses minting or casting a grant outside apps/server/src/platform/guard', async () => {
    const mint = "import { mintCaseRead } from '@hoeder/db/grant-mint';\nexport const g = mintCaseRead('x', new Set(), 'member');\n";
    const cast = "import type { CaseReadGrant } from '@hoeder/db';\nexport const g = {} as CaseReadGrant;\n";
    expect(await lint(mint, 'apps/server/src/cases/probe.ts')).toContain('no-restricted-imports');
    expect(await lint(cast, 'apps/server/src/policy/probe.ts')).toContain('no-restricted-syntax');
    expect(await lint(mint, 'apps/server/src/platform/guard/probe.ts')).not.toContain('no-restricted-imports');
  }, 60_000);
});
