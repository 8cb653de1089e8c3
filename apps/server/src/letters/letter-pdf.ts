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
    // The marking at the top of every page, as the rules for classified information ask.
    const { x, y } = doc;
    doc.font('Helvetica-Bold').fontSize(9).text(marking.toUpperCase(), MARGIN, 30, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', stamp);
  stamp();
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
  doc.end();
  return done;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
