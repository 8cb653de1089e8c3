import type { Classification, LetterFacts, LetterKind } from '@hoeder/domain';
import type { LetterReadGrant, LetterWriteGrant } from '../access/grants';
import type { Db } from '../schema';

export interface LetterRow {
  letterId: string;
  caseId: string;
  kind: LetterKind;
  templateVersion: number;
  decisionId: string;
  facts: LetterFacts;
  classification: Classification;
  status: 'draft' | 'approved';
  draftedBy: string;
  draftedRole: string;
  draftedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  sha256: string;
}

const META = ['letter_id', 'case_id', 'kind', 'template_version', 'decision_id', 'facts', 'classification', 'status', 'drafted_by', 'drafted_role', 'drafted_at', 'approved_by', 'approved_at', 'sha256'] as const;

type MetaRecord = { [K in (typeof META)[number]]: unknown };

const toRow = (r: MetaRecord): LetterRow => ({
  letterId: r.letter_id as string,
  caseId: r.case_id as string,
  kind: r.kind as LetterKind,
  templateVersion: r.template_version as number,
  decisionId: r.decision_id as string,
  facts: JSON.parse(r.facts as string) as LetterFacts,
  classification: r.classification as Classification,
  status: r.status as LetterRow['status'],
  draftedBy: r.drafted_by as string,
  draftedRole: r.drafted_role as string,
  draftedAt: new Date(r.drafted_at as string).toISOString(),
  approvedBy: (r.approved_by as string | null) ?? null,
  approvedAt: r.approved_at ? new Date(r.approved_at as string).toISOString() : null,
  sha256: r.sha256 as string,
});

/** The letters of one case, oldest first (without their bytes). */
export async function listLetters(db: Db, grant: LetterReadGrant | LetterWriteGrant): Promise<LetterRow[]> {
  const rows = await db.selectFrom('case_letter').select(META).where('case_id', '=', grant.caseId).orderBy('drafted_at').orderBy('letter_id').execute();
  return rows.map(toRow);
}

/** One letter of the granted case, without its bytes. */
export async function findLetter(db: Db, grant: LetterReadGrant | LetterWriteGrant, letterId: string): Promise<LetterRow | undefined> {
  const row = await db.selectFrom('case_letter').select(META).where('case_id', '=', grant.caseId).where('letter_id', '=', letterId).executeTakeFirst();
  return row && toRow(row);
}

/** One letter's PDF exactly as stored, with its hash. */
export async function letterPdf(db: Db, grant: LetterReadGrant, letterId: string): Promise<{ row: LetterRow; pdf: Buffer } | undefined> {
  const row = await db.selectFrom('case_letter').select([...META, 'pdf']).where('case_id', '=', grant.caseId).where('letter_id', '=', letterId).executeTakeFirst();
  return row && { row: toRow(row), pdf: Buffer.from(row.pdf) };
}

export async function insertLetter(db: Db, grant: LetterWriteGrant, letter: Omit<LetterRow, 'caseId' | 'approvedBy' | 'approvedAt' | 'status'>, pdf: Uint8Array): Promise<void> {
  await db
    .insertInto('case_letter')
    .values({
      letter_id: letter.letterId,
      case_id: grant.caseId,
      kind: letter.kind,
      template_version: letter.templateVersion,
      decision_id: letter.decisionId,
      facts: JSON.stringify(letter.facts),
      classification: letter.classification,
      status: 'draft',
      drafted_by: letter.draftedBy,
      drafted_role: letter.draftedRole,
      drafted_at: letter.draftedAt,
      approved_by: null,
      approved_at: null,
      pdf,
      sha256: letter.sha256,
      addressed_from_kind: letter.facts.addressedFrom?.kind ?? null,
      addressed_from_id: letter.facts.addressedFrom?.id ?? null,
    })
    .execute();
}

/** Approves a draft; false when it was no longer a draft (a lost race). */
export async function approveLetter(db: Db, grant: LetterWriteGrant, letterId: string, approvedBy: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('case_letter')
    .set({ status: 'approved', approved_by: approvedBy, approved_at: at })
    .where('case_id', '=', grant.caseId)
    .where('letter_id', '=', letterId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
