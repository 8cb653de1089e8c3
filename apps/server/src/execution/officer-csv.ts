import { CONTRACT_CODES, QUALIFICATIONS, type Qualification } from '@hoeder/domain';
import type { ImportRowError } from '@hoeder/contracts';
import { hasUnsafeCharacter } from '@hoeder/contracts';
import type { OfficerInput } from '@hoeder/db';
import { CsvError, parse } from 'csv-parse/sync';

/**
 * The officer import's file format: one officer per line, a header line naming the columns (in
 * any order), comma- or semicolon-separated; qualifications within their cell separated by "|".
 * Parsing is csv-parse's (quotes, BOM, line endings); the checks are ours, per row and column.
 */
export const OFFICER_CSV_COLUMNS = ['officer_id', 'display_name', 'unit_id', 'team', 'qualifications', 'contract'] as const;
const REQUIRED = ['officer_id', 'display_name', 'unit_id', 'qualifications', 'contract'] as const;
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_IMPORT_ROWS = 5000;

export interface ParsedOfficers {
  officers: (OfficerInput & { row: number })[];
  errors: ImportRowError[];
}

function records(csv: string): { rows: string[][]; errors: ImportRowError[] } {
  const firstLine = csv.slice(0, csv.indexOf('\n') >>> 0);
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  try {
    const rows = parse(csv, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
    return { rows, errors: [] };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { rows: [], errors: [{ row: (error as CsvError & { lines?: number }).lines ?? 0, column: '(file)', message: `not readable as CSV: ${error.code}` }] };
  }
}

/** Every error of the file, per row (line number, the header is row 1) and column; officers only if none. */
export function parseOfficerCsv(csv: string, knownUnits: ReadonlySet<string>): ParsedOfficers {
  const { rows, errors } = records(csv);
  if (errors.length > 0) return { officers: [], errors };
  const [header, ...data] = rows;
  if (!header) return { officers: [], errors: [{ row: 1, column: '(file)', message: 'the file is empty' }] };
  const names = header.map((h) => h.toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(OFFICER_CSV_COLUMNS as readonly string[]).includes(n));
  const headerErrors = [
    ...missing.map((c) => ({ row: 1, column: c, message: 'required column is missing' })),
    ...unknown.map((c) => ({ row: 1, column: c.slice(0, 40), message: `unknown column; expected ${OFFICER_CSV_COLUMNS.join(', ')}` })),
  ];
  if (headerErrors.length > 0) return { officers: [], errors: headerErrors };
  if (data.length > MAX_IMPORT_ROWS) return { officers: [], errors: [{ row: MAX_IMPORT_ROWS + 2, column: '(file)', message: `at most ${MAX_IMPORT_ROWS} officers per file` }] };
  const officers: ParsedOfficers['officers'] = [];
  const out: ImportRowError[] = [];
  const seen = new Map<string, number>();
  data.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: string) => cells[names.indexOf(c)] ?? '';
    const err = (column: string, message: string) => out.push({ row, column, message });
    if (cells.length !== names.length) err('(row)', `has ${cells.length} cells, the header ${names.length}`);
    const officerId = cell('officer_id');
    if (!ID.test(officerId)) err('officer_id', 'lower-case letters, digits and hyphens, at most 63');
    else if (seen.has(officerId)) err('officer_id', `duplicate of row ${seen.get(officerId)}`);
    else seen.set(officerId, row);
    const displayName = cell('display_name');
    if (displayName.length === 0 || displayName.length > 120) err('display_name', 'required, at most 120 characters');
    else if (hasUnsafeCharacter(displayName)) err('display_name', 'contains a control character');
    const unitId = cell('unit_id');
    if (!knownUnits.has(unitId)) err('unit_id', `unknown unit "${unitId.slice(0, 40)}"`);
    const team = cell('team');
    if (team.length > 80 || hasUnsafeCharacter(team)) err('team', 'at most 80 characters, no control characters');
    const quals = cell('qualifications').split('|').map((q) => q.trim()).filter(Boolean);
    const badQual = quals.find((q) => !(QUALIFICATIONS as readonly string[]).includes(q));
    if (badQual !== undefined) err('qualifications', `unknown qualification "${badQual.slice(0, 40)}"; known: ${QUALIFICATIONS.join(', ')}`);
    const contract = cell('contract');
    if (!CONTRACT_CODES.includes(contract)) err('contract', `unknown contract "${contract.slice(0, 40)}"; known: ${CONTRACT_CODES.join(', ')}`);
    officers.push({ row, officerId, displayName, unitId, teamName: team || null, qualifications: [...new Set(quals)] as Qualification[], contractCode: contract });
  });
  return out.length > 0 ? { officers: [], errors: out } : { officers, errors: [] };
}

/** The CSV of a list of officers (the demo data's export, and the import's template). */
export function officersToCsv(officers: readonly OfficerInput[]): string {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = officers.map((o) => [o.officerId, o.displayName, o.unitId, o.teamName ?? '', o.qualifications.join('|'), o.contractCode].map(quote).join(','));
  return [OFFICER_CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}
