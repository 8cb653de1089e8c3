import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASE_QUEUES } from '@hoeder/domain';
import en from './en.json';
import nl from './nl.json';
import { auditObjectLabel, auditOperationLabel, auditPurposeLabel } from './audit-labels';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
const serverSource = filesUnder(join(root, 'apps/server/src')).map((f) => readFileSync(f, 'utf8'));
const matches = (pattern: RegExp, texts: readonly string[]) => [...new Set(texts.flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1]!)))];

/** Dotted literals in the server that are not audit codes (file names, log redaction paths, field names). */
const NOT_CODES = new Set(['index.html', 'req.headers.authorization', 'req.headers.cookie', 'addressee.name']);
/** Every dotted code literal the server source holds: operations and purposes (processing activities). */
const dottedLiterals = matches(/'([a-z_]+(?:\.[a-z_]+)+)'/g, serverSource).filter((c) => !NOT_CODES.has(c));
const commandTypes = (file: string) => matches(/type: '([A-Za-z]+)'/g, [readFileSync(join(root, file), 'utf8')]);
const stepActions = matches(/STEP_ACTION = \{([^}]*)\}/g, serverSource).flatMap((body) => matches(/: '([A-Za-z]+)'/g, [body]));

describe('audit code labels (issue 13: no raw codes on the audit viewer)', () => {
  it('finds the codes it checks (the scan itself works)', () => {
    expect(dottedLiterals).toContain('case.view');
    expect(dottedLiterals).toContain('protection.case_handling');
    expect(commandTypes('packages/domain/src/cases/case-commands.ts')).toContain('ProposeDecision');
    expect(stepActions).toContain('acknowledge');
  });

  it('names every operation and purpose literal of the server in Dutch and English', () => {
    const named = (c: string) => auditOperationLabel('nl', c) !== nl.auditCodes.otherOperation || auditPurposeLabel('nl', c) !== nl.auditCodes.otherPurpose;
    expect(dottedLiterals.filter((c) => !named(c))).toEqual([]);
    expect(Object.keys(en.auditCodes.operation).sort()).toEqual(Object.keys(nl.auditCodes.operation).sort());
  });

  it('names every composed operation: case and DAF commands, assignment steps, work queues', () => {
    const composed = [
      ...commandTypes('packages/domain/src/cases/case-commands.ts').map((c) => `case.command.${c}`),
      ...commandTypes('packages/domain/src/assessment/assessment-commands.ts').map((c) => `assessment.command.${c}`),
      ...stepActions.map((a) => `assignment.${a}`),
    ];
    expect(composed.filter((c) => auditOperationLabel('nl', c) === nl.auditCodes.otherOperation)).toEqual([]);
    const queueTitle = (id: string) => (nl.work.queues as Record<string, { title: string }>)[id]?.title;
    for (const q of CASE_QUEUES) expect(auditOperationLabel('nl', `work.queue.${q.id}`, queueTitle), q.id).not.toBe(nl.auditCodes.otherOperation);
  });

  it('names every object type the server records', () => {
    const types = [...matches(/objectType: '([a-z_]+)'/g, serverSource), ...matches(/const OBJECT = '([a-z_]+)'/g, serverSource)];
    expect(types.length).toBeGreaterThan(5);
    expect(types.filter((o) => auditObjectLabel('nl', o) === nl.auditCodes.otherObject)).toEqual([]);
  });

  it('never shows a code for an unknown one', () => {
    expect(auditOperationLabel('nl', 'something.new')).toBe('Andere handeling');
    expect(auditOperationLabel('nl', 'http.GET./api/cases/:caseId')).toBe('Verzoek geweigerd');
    expect(auditPurposeLabel('en', 'protection.case_handling')).toBe('Case handling');
  });
});
