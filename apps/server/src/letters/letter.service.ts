import { randomUUID } from 'node:crypto';
import type { DraftLetterRequest, LettersView, LetterView, LocalAuthoritiesView, RecordLocalAuthorityRequest } from '@hoeder/contracts';
import { approveLetter, findLetter, insertLetter, insertLocalAuthorityAddressee, letterPdf, listLetters, listLocalAuthorityAddressees, loadCaseEvents, type LetterRow } from '@hoeder/db';
import {
  addresseeFrom,
  fail,
  letterFacts,
  LETTER_TEMPLATES,
  mayApproveAsSecond,
  mayOnLetters,
  ok,
  projectCase,
  renderLetter,
  sendableOn,
  sectionRecord,
  templateInEffect,
  templateVersion,
  type LetterFacts,
  type LetterTemplate,
  type Result,
} from '@hoeder/domain';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { letterRead, letterWrite } from '../platform/guard/letter-check';
import { letterDraft, localAuthorityAccess } from '../platform/guard/letter-addressee-check';
import { addresseeRecord } from './addressee-record';
import { renderLetterPdf, sha256Hex } from './letter-pdf';

const toView = (row: LetterRow, actor: AuthenticatedActor, member: boolean, today: string): LetterView => ({
  letterId: row.letterId,
  kind: row.kind,
  templateVersion: row.templateVersion,
  decisionId: row.decisionId,
  addresseeName: row.facts.addressee.name,
  addressedFrom: row.facts.addressedFrom ?? null,
  letterDate: row.facts.letterDate,
  reviewDate: row.facts.reviewDate,
  objectionDeadline: row.facts.objectionDeadline,
  classification: row.classification,
  status: row.status,
  draftedBy: row.draftedBy,
  draftedAt: row.draftedAt,
  approvedBy: row.approvedBy,
  approvedAt: row.approvedAt,
  sha256: row.sha256,
  mayApprove: row.status === 'draft' && member && mayOnLetters(actor.roles, 'approve') && mayApproveAsSecond(actor.userId, row.draftedBy) && sendableOn(row.facts.letterDate, today),
});

/** Typesets a letter from a template version and its facts: the one path for first make and remake. */
async function makePdf(template: LetterTemplate, facts: LetterFacts, draftedAt: string, classification: string): Promise<Result<Buffer>> {
  const content = renderLetter(template, facts);
  if (!content.ok) return content;
  const pdf = await renderLetterPdf(content.value, { title: content.value.subject, createdAt: new Date(draftedAt), classification, subjectLine: `${facts.reference} · ${facts.kind} v${template.version}`, tagged: facts.pdfProfile === 'pdf_ua' });
  return ok(pdf);
}

/** Makes a stored letter again from its template version and facts (the reproducibility check). */
export async function remakeLetter(row: LetterRow, templates: readonly LetterTemplate[] = LETTER_TEMPLATES): Promise<Result<Buffer>> {
  const template = templateVersion(row.kind, row.templateVersion, templates);
  if (!template) return fail('RULE_VIOLATION', `template ${row.kind} v${row.templateVersion} is no longer known`);
  return makePdf(template, row.facts, row.draftedAt, row.classification);
}

/**
 * Letters (issue 12 item 3, ADR 0022) on the guarded layer: drafted by the liaison (or a decision
 * maker) from the decision in force and the template version in effect, approved by a decision
 * maker who is not the drafter, stored exactly as sent (PDF bytes and SHA-256). Each download is
 * audited with the letter and its hash.
 */
export function createLetterService({ guard, templates = LETTER_TEMPLATES }: { guard: Guard; templates?: readonly LetterTemplate[] }) {
  const on = (operation: string, caseId: string, objectId = caseId) => ({ operation, objectType: 'case_letter', objectId, dataSubjectId: caseId });

  return {
    list: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<LettersView>> =>
      guard.withAccess(ctx, actor, { ...on('letter.list', caseId), check: letterRead(caseId) }, async ({ trx, grant, note }) => {
        const member = grant.access.memberOf.has(caseId);
        const rows = await listLetters(trx, grant.read);
        note({ letterIds: rows.map((r) => r.letterId) });
        return ok({ caseId, mayDraft: member && mayOnLetters(actor.roles, 'draft'), letters: rows.map((r) => toView(r, actor, member, ctx.now.toISOString())).reverse() });
      }),

    draft: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: DraftLetterRequest): Promise<Result<LetterView>> =>
      guard.withAccess(ctx, actor, { ...on('letter.draft', caseId), check: letterDraft(caseId, input.addressedFrom) }, async ({ trx, grant, note }) => {
        const state = projectCase(await loadCaseEvents(trx, grant.caseRead));
        if (!state) return fail('NOT_FOUND', 'case not found');
        const record = await addresseeRecord(trx, grant.addressee, input.addressedFrom);
        if (!record) return fail('VALIDATION_FAILED', 'addressedFrom.id: no such record on this case that you may address a letter from', { field: 'addressedFrom.id' });
        const resolved = addresseeFrom(input.kind, record, input.addressId);
        if (!resolved.ok) return resolved;
        const letterDate = ctx.now.toISOString();
        const template = templateInEffect(input.kind, letterDate, templates);
        if (!template) return fail('RULE_VIOLATION', `no ${input.kind} template is in effect`);
        const facts = letterFacts({ kind: input.kind, reference: state.reference, decision: state.activeDecision, letterDate, ...resolved.value });
        if (!facts.ok) return facts;
        // The letter's marking: that of the section it derives from (the decision), ADR 0015.
        const classification = sectionRecord(caseId, grant.classification, 'decision').classification;
        const pdf = await makePdf(template, facts.value, letterDate, classification);
        if (!pdf.ok) return pdf;
        const row = { letterId: randomUUID(), kind: input.kind, templateVersion: template.version, decisionId: facts.value.decisionId, facts: facts.value, classification, draftedBy: actor.userId, draftedRole: actingRole(actor), draftedAt: letterDate, sha256: sha256Hex(pdf.value) };
        await insertLetter(trx, grant.write, row, pdf.value);
        note({ letterId: row.letterId, kind: row.kind, templateVersion: row.templateVersion, sha256: row.sha256, addressedFrom: facts.value.addressedFrom });
        return ok(toView({ ...row, caseId, status: 'draft', approvedBy: null, approvedAt: null }, actor, true, letterDate));
      }),

    approve: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, letterId: string): Promise<Result<LetterView>> =>
      guard.withAccess(ctx, actor, { ...on('letter.approve', caseId, letterId), check: letterWrite(caseId, 'approve') }, async ({ trx, grant, note }) => {
        const row = await findLetter(trx, grant.write, letterId);
        if (!row) return fail('NOT_FOUND', 'letter not found');
        if (row.status !== 'draft') return fail('INVALID_TRANSITION', 'the letter has already been approved');
        if (!mayApproveAsSecond(actor.userId, row.draftedBy)) return fail('FORBIDDEN_ACTION', 'four eyes: a letter is approved by someone other than its drafter');
        if (!sendableOn(row.facts.letterDate, ctx.now.toISOString())) return fail('RULE_VIOLATION', `the letter is dated ${row.facts.letterDate} and its objection term counts from that day; draft it anew to send it today`);
        // What is approved is what is stored: it must be made again byte for byte.
        const remade = await remakeLetter(row, templates);
        if (!remade.ok) return remade;
        if (sha256Hex(remade.value) !== row.sha256) return fail('RULE_VIOLATION', 'the stored letter cannot be reproduced from its template version and facts');
        if (!(await approveLetter(trx, grant.write, letterId, actor.userId, ctx.now))) return fail('VERSION_CONFLICT', 'the letter was changed by someone else; reload it');
        note({ letterId, sha256: row.sha256 });
        return ok(toView({ ...row, status: 'approved', approvedBy: actor.userId, approvedAt: ctx.now.toISOString() }, actor, true, ctx.now.toISOString()));
      }),

    /** Issue 12 item 4: the stored mayors and chief prosecutors a notice is addressed from. */
    localAuthorities: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<LocalAuthoritiesView>> =>
      guard.withAccess(ctx, actor, { operation: 'letter.local_authority.list', objectType: 'local_authority', objectId: 'all', check: localAuthorityAccess(false) }, async ({ trx, grant }) =>
        ok({ addressees: await listLocalAuthorityAddressees(trx, grant) }),
      ),

    /** Typed once and stored as such: later notices pick it. */
    recordLocalAuthority: (ctx: RequestContext, actor: AuthenticatedActor, input: RecordLocalAuthorityRequest): Promise<Result<{ addresseeId: string }>> =>
      guard.withAccess(ctx, actor, { operation: 'letter.local_authority.record', objectType: 'local_authority', objectId: 'new', check: localAuthorityAccess(true) }, async ({ trx, grant, note }) => {
        const addresseeId = randomUUID();
        await insertLocalAuthorityAddressee(trx, grant, { addresseeId, ...input }, actor.userId, ctx.now);
        note({ addresseeId, role: input.role });
        return ok({ addresseeId });
      }),

    /** The PDF exactly as stored; the audit entry names the letter and its hash. */
    download: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, letterId: string): Promise<Result<{ filename: string; pdf: Buffer; sha256: string }>> =>
      guard.withAccess(ctx, actor, { ...on('letter.download', caseId, letterId), check: letterRead(caseId) }, async ({ trx, grant, note }) => {
        const found = await letterPdf(trx, grant.read, letterId);
        if (!found) return fail('NOT_FOUND', 'letter not found');
        note({ letterId, sha256: found.row.sha256, status: found.row.status });
        return ok({ filename: `${found.row.facts.reference}-${found.row.kind}-${found.row.facts.letterDate}.pdf`, pdf: found.pdf, sha256: found.row.sha256 });
      }),
  };
}

export type LetterService = ReturnType<typeof createLetterService>;
