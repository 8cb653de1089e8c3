import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseDmn } from '../dmn/parse';
import { runTckFolder, type TckRow } from './runner';
import { parseTckTestFile } from './test-cases';

/** `<repo>/../shared/vectors/dmn-tck-l2`, found from this file's place in the repository. */
export const DEFAULT_TCK_DIR = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../../../shared/vectors/dmn-tck-l2',
);

/**
 * Runs every `NNNN-*` folder of a TCK directory: each holds one model and its test files.
 * This is tooling around the pure engine, so it may read files.
 */
export async function runTckSuite(dir: string = DEFAULT_TCK_DIR): Promise<TckRow[]> {
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && /^\d{4}-/.test(e.name))
    .map((e) => e.name)
    .sort();
  const rows: TckRow[] = [];
  for (const folder of folders) {
    const files = (await readdir(join(dir, folder))).sort();
    const testFiles = files.filter((f) => /-test-\d+\.xml$/.test(f));
    for (const testFile of testFiles) {
      const tests = parseTckTestFile(await readFile(join(dir, folder, testFile), 'utf8'));
      const modelFile = files.includes(tests.modelName) ? tests.modelName : files.find((f) => f.endsWith('.dmn'));
      const model = modelFile
        ? await parseDmn(await readFile(join(dir, folder, modelFile), 'utf8'))
        : ({ ok: false, error: { code: 'DMN_PARSE_ERROR', message: `no model file in ${folder}` } } as const);
      rows.push(...runTckFolder(folder, model, tests));
    }
  }
  return rows;
}

export interface TckSummary {
  total: number;
  passed: number;
  failed: number;
  decisionTableTotal: number;
  decisionTablePassed: number;
}

export function summarise(rows: readonly TckRow[]): TckSummary {
  const tables = rows.filter((r) => r.decisionTable);
  return {
    total: rows.length,
    passed: rows.filter((r) => r.pass).length,
    failed: rows.filter((r) => !r.pass).length,
    decisionTableTotal: tables.length,
    decisionTablePassed: tables.filter((r) => r.pass).length,
  };
}
