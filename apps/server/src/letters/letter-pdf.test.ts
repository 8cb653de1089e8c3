import { letterFacts, renderLetter, templateVersion, type ActiveDecision } from '@hoeder/domain';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf, sha256Hex } from './letter-pdf';

const measures = { general: ['inform_and_advise'], home: ['camera_surveillance_home'], work: [], transport: [], private: [] };
const decision = {
  decisionId: 'd-1',
  resistanceLevel: 'R3',
  motivation: 'Zware weerstand nodig.',
  reviewDate: '2026-06-01',
  basedOnAssessmentId: 'a-1',
  proposedBy: 'u-1',
  approvedBy: 'u-2',
  approvedAt: '2026-03-02T10:00:00.000Z',
  policy: { chosen: { resistanceLevel: 'R3', measures, careModules: ['care_person'], reviewPeriodMonths: 6 }, facts: { cooperation: true, integrityRisk: false } },
} as unknown as ActiveDecision;

async function pdf(at = '2026-03-02T12:00:00.000Z', tagged = true) {
  const facts = letterFacts({ kind: 'decision_letter', reference: 'BB-2026-0042', decision, letterDate: at, addressee: { name: 'mevrouw J. Jansen', lines: ['Dorpsstraat 1', '1234 AB Ergens'] } });
  if (!facts.ok) throw new Error(facts.error.message);
  const content = renderLetter(templateVersion('decision_letter', 1)!, facts.value);
  if (!content.ok) throw new Error(content.error.message);
  return renderLetterPdf(content.value, { title: 'Besluit', createdAt: new Date(at), classification: 'dep_confidential', subjectLine: 'BB-2026-0042 decision_letter v1', tagged });
}

describe('the letter PDF', () => {
  it('reads back with the package, the review date, the objection term and the marking', async () => {
    const bytes = await pdf();
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('cameratoezicht bij uw woning');
    expect(flat).toContain('beschermingsniveau R3');
    expect(flat).toContain('uiterlijk op 1 juni 2026');
    expect(flat).toContain('uiterlijk op 13 april 2026');
    expect(flat).toContain('DEPARTEMENTAAL VERTROUWELIJK');
    expect(flat).toContain('Geachte mevrouw J. Jansen');
  });

  it('is byte-identical when made again from the same template version and facts', async () => {
    const a = await pdf();
    const b = await pdf();
    expect(sha256Hex(b)).toBe(sha256Hex(a));
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('differs when the letter date differs (the date is in the letter, not the clock)', async () => {
    expect(sha256Hex(await pdf('2026-03-03T12:00:00.000Z'))).not.toBe(sha256Hex(await pdf()));
  });
});

type StructNode = { role?: string; children?: StructNode[]; type?: string };
const roles = (node: StructNode | null): string[] => (node ? [node.role ?? '', ...(node.children ?? []).flatMap((c) => roles(c))].filter(Boolean) : []);

describe('the letter PDF is accessible (PDF/UA, issue 12 item 5)', () => {
  it('has MarkInfo, a structure tree with heading, paragraphs and a list, its language and title, and says it is PDF/UA', async () => {
    const bytes = await pdf();
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
    const tree = roles((await (await doc.getPage(1)).getStructTree()) as StructNode);
    expect(tree).toContain('Document');
    expect(tree).toContain('H1');
    expect(tree).toContain('H2');
    expect(tree).toContain('P');
    expect(tree).toEqual(expect.arrayContaining(['L', 'LI', 'LBody']));
    const meta = await doc.getMetadata();
    expect((meta.info as { Title?: string }).Title).toBe('Besluit');
    expect((meta.info as { Language?: string }).Language).toBe('nl-NL');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('is still byte-identical when made again', async () => {
    expect(Buffer.compare(await pdf(), await pdf())).toBe(0);
  });

  it('a letter made before tagging (no profile) is made again untagged, as it was sent', async () => {
    const plain = await pdf(undefined, false);
    expect(Buffer.compare(plain, await pdf(undefined, false))).toBe(0);
    expect(await (await getDocumentProxy(new Uint8Array(plain))).getMarkInfo()).toBeNull();
  });
});
