import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { LetterContent } from '@hoeder/domain';

/** The marking as printed on every page, in Dutch (ABDO). */
export const MARKING_NL: Record<string, string> = {
  unclassified: 'Ongerubriceerd',
  dep_confidential: 'Departementaal Vertrouwelijk',
  stg_confidential: 'Stg. Confidentieel',
  stg_secret: 'Stg. Geheim',
  stg_top_secret: 'Stg. Zeer Geheim',
};

export interface PdfMeta {
  title: string;
  /** The letter's own timestamp: the PDF's creation and modification date, so output is reproducible. */
  createdAt: Date;
  classification: string;
  /** Identifies the letter in the footer and metadata (the kenmerk and template version). */
  subjectLine: string;
  /**
   * Issue 12 item 5: an accessible PDF (tagged, PDF/UA identification, structure tree). Letters
   * made before it are regenerated untagged, as they were sent (the stored facts say which).
   */
  tagged: boolean;
}

const MARGIN = 72;

/**
 * Typesets a letter as PDF (ADR 0029: PDFKit). Deterministic: the creation date and the file id
 * (an MD5 of the info dictionary) come from the letter's own timestamp; standard fonts are not
 * embedded, so there is no random subset tag. The same content and meta give the same bytes.
 */
export function renderLetterPdf(content: LetterContent, meta: PdfMeta): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: 'nl-NL',
    displayTitle: true,
    // @types/pdfkit lists only the PDF/A subsets; PDFKit 0.20 also knows 'PDF/UA' (pdfuaid in the XMP).
    ...(meta.tagged ? { tagged: true, subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets, pdfVersion: '1.7' as const } : {}),
    info: { Title: meta.title, Author: 'NCTV', Subject: meta.subjectLine, Producer: 'Hoeder', Creator: 'Hoeder', CreationDate: meta.createdAt, ModDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const marking = MARKING_NL[meta.classification] ?? meta.classification;
  const stamp = () => {
    // The marking at the top of every page, as the rules for classified information ask. In a
    // tagged PDF it is a pagination artifact: repeated on every page, not part of the letter's text.
    const { x, y } = doc;
    if (meta.tagged) doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('Helvetica-Bold').fontSize(9).text(marking.toUpperCase(), MARGIN, 30, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    if (meta.tagged) doc.endMarkedContent();
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', stamp);
  stamp();
  if (meta.tagged) typesetTagged(doc, content);
  else typesetPlain(doc, content);
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The layout of letters made before issue 12 item 5: kept so they regenerate byte-identically. */
function typesetPlain(doc: Doc, content: LetterContent): void {
  doc.font('Helvetica').fontSize(11);
  for (const line of content.addressee) doc.text(line);
  doc.moveDown(2).text(content.date);
  doc.moveDown().font('Helvetica-Bold').text(`Onderwerp: ${content.subject}`).font('Helvetica');
  doc.moveDown().text(content.salutation).moveDown(0.5);
  for (const block of content.blocks) {
    if (block.kind === 'list') doc.list(block.items, { bulletRadius: 2, textIndent: 12 }).moveDown(0.5);
    else if (block.kind === 'heading') doc.moveDown(0.5).font('Helvetica-Bold').text(block.text).font('Helvetica');
    else doc.text(block.text).moveDown(0.5);
  }
  doc.moveDown().text(content.closing);
}

/**
 * The same layout with a structure tree (PDF/UA): the subject is the letter's heading (H1), its
 * headings H2, paragraphs P and lists L with LI/Lbl/LBody, so a screen reader reads the letter in
 * order and can jump between its parts.
 */
function typesetTagged(doc: Doc, content: LetterContent): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  const el = (type: 'P' | 'H1' | 'H2', draw: () => void) => root.add(doc.struct(type, {}, draw));
  doc.font('Helvetica').fontSize(11);
  el('P', () => {
    for (const line of content.addressee) doc.text(line);
  });
  doc.moveDown(2);
  el('P', () => doc.text(content.date));
  doc.moveDown();
  el('H1', () => doc.font('Helvetica-Bold').text(`Onderwerp: ${content.subject}`).font('Helvetica'));
  doc.moveDown();
  el('P', () => doc.text(content.salutation));
  doc.moveDown(0.5);
  for (const block of content.blocks) {
    if (block.kind === 'list') {
      const list = doc.struct('L');
      root.add(list);
      doc.list(block.items, { bulletRadius: 2, textIndent: 12, structParent: list });
      list.end();
      doc.moveDown(0.5);
    } else if (block.kind === 'heading') {
      doc.moveDown(0.5);
      el('H2', () => doc.font('Helvetica-Bold').text(block.text).font('Helvetica'));
    } else {
      el('P', () => doc.text(block.text));
      doc.moveDown(0.5);
    }
  }
  doc.moveDown();
  el('P', () => doc.text(content.closing));
  root.end();
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
