import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessment } from '@hoeder/domain';

type MethodTemplate = assessment.MethodTemplate;

/**
 * The method templates analysts can use: the shipped neutral ones plus those an organisation loads
 * from a folder of JSON files (licensed field instruments stay outside the repository). A stored
 * assessment names its template by id and version, so versions are only ever added: a file that
 * repeats a known id and version, or does not pass the domain's checks, stops the start with the
 * file's name rather than being skipped.
 */
export function loadMethodTemplates(dir: string | undefined, shipped: readonly MethodTemplate[] = assessment.SHIPPED_TEMPLATES): readonly MethodTemplate[] {
  if (!dir) return shipped;
  const catalogue = [...shipped];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const template = parseFile(join(dir, file));
    if (assessment.findTemplate(catalogue, template)) {
      throw new Error(`method template ${file}: ${template.templateId} version ${template.version} already exists; add a new version instead`);
    }
    catalogue.push(template);
  }
  return catalogue;
}

function parseFile(path: string): MethodTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`method template ${path}: not readable JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = assessment.parseMethodTemplate(raw);
  if (!parsed.ok) throw new Error(`method template ${path}: ${parsed.error.message}`);
  return parsed.value;
}
