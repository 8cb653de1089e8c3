import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DMN_JS_NL, dmnTranslateModule } from './dmn-translate';

const require = createRequire(import.meta.url);
const libOf = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'lib');
const jsUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsUnder(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));

/** Every template the installed dmn-js passes to `translate(...)`, and its hit policies' labels. */
function dmnTemplates(): string[] {
  const files = ['dmn-js-decision-table', 'dmn-js-shared', 'dmn-js-drd', 'dmn-js-literal-expression'].flatMap((p) => jsUnder(libOf(p)));
  const source = files.map((f) => readFileSync(f, 'utf8'));
  const calls = source.flatMap((s) => [...s.matchAll(/translate\(\s*(['"])((?:(?!\1).)+)\1/g)].map((m) => m[2]!));
  const hitPolicies = source.flatMap((s) => [...s.matchAll(/(?:label|explanation): '([^']+)'/g)].map((m) => m[1]!)).filter((t) => /^(Unique|First|Priority|Any|Collect|Rule order|Output order|No overlap|Rules may|Collects)/.test(t));
  return [...new Set([...calls, ...hitPolicies])];
}

describe("dmn-js's own labels in Dutch (issue 13)", () => {
  it('has a Dutch text for every label of the installed dmn-js', () => {
    const templates = dmnTemplates();
    expect(templates.length).toBeGreaterThan(100);
    expect(templates.filter((t) => DMN_JS_NL[t] === undefined)).toEqual([]);
  });

  it('translates with replacements and leaves English as it is', () => {
    const nl = dmnTranslateModule('nl').translate[1];
    expect(nl('Hit policy:')).toBe('Toepassingsregel:');
    expect(nl('Expression language: {expressionLanguageLabel}', { expressionLanguageLabel: 'FEEL' })).toBe('Expressietaal: FEEL');
    expect(dmnTranslateModule('en').translate[1]('Hit policy:')).toBe('Hit policy:');
  });
});
