import { LETTER_KINDS, OBJECTION_OUTCOMES, OBJECTION_PARTIES } from '@hoeder/domain';
import { z } from 'zod';
import { Classification, IsoDate, IsoDateTime, LocalAuthority, text, Uuid } from './common';

/** Letters and objections (issue 12 items 3 and 8). */

export const LetterKind = z.enum(LETTER_KINDS);

/** A name or address line as printed on a letter: one line, Latin-1 (the PDF's standard fonts). */
const PrintLine = text({ max: 120, line: true }).refine((s) => /^[\u0020-\u007e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u20ac]*$/u.test(s), 'must use characters a letter can print (Latin-1)');

export const DraftLetterRequest = z.object({
  kind: LetterKind,
  addressee: z.object({
    /** For the decision letter, the threatened person's name from the case when left out. */
    name: PrintLine.optional(),
    lines: z.array(PrintLine).max(6),
  }),
  /** The notice to the local authority names the mayor or the chief prosecutor. */
  authority: LocalAuthority.optional(),
});
export type DraftLetterRequest = z.infer<typeof DraftLetterRequest>;

export const LetterIdParams = z.object({ caseId: Uuid, letterId: Uuid });

export const LetterView = z.object({
  letterId: z.string(),
  kind: LetterKind,
  templateVersion: z.int(),
  decisionId: z.string(),
  addresseeName: z.string(),
  letterDate: IsoDate,
  reviewDate: IsoDate,
  objectionDeadline: IsoDate,
  classification: Classification,
  status: z.enum(['draft', 'approved']),
  draftedBy: z.string(),
  draftedAt: IsoDateTime,
  approvedBy: z.string().nullable(),
  approvedAt: IsoDateTime.nullable(),
  sha256: z.string(),
  /** Whether the reader may approve it (a decision maker on the case who did not draft it). */
  mayApprove: z.boolean(),
});
export type LetterView = z.infer<typeof LetterView>;

export const LettersView = z.object({ caseId: z.string(), mayDraft: z.boolean(), letters: z.array(LetterView) });
export type LettersView = z.infer<typeof LettersView>;

export const LodgeObjectionRequest = z.object({
  decisionId: Uuid,
  party: z.enum(OBJECTION_PARTIES),
  receivedOn: IsoDate,
  grounds: text({ max: 4000 }),
  advisoryCommittee: z.boolean(),
});
export type LodgeObjectionRequest = z.infer<typeof LodgeObjectionRequest>;

export const ObjectionIdParams = z.object({ caseId: Uuid, objectionId: Uuid });

/** One step in handling an objection; `expectedUpdatedAt` guards against a concurrent change. */
export const ObjectionStepRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('RecordHearing'), expectedUpdatedAt: IsoDateTime, hearingOn: IsoDate }),
  z.object({ type: z.literal('ExtendTerm'), expectedUpdatedAt: IsoDateTime }),
  z.object({ type: z.literal('DecideObjection'), expectedUpdatedAt: IsoDateTime, outcome: z.enum(OBJECTION_OUTCOMES), decidedOn: IsoDate, motivation: text({ max: 4000 }) }),
  z.object({ type: z.literal('RecordAppeal'), expectedUpdatedAt: IsoDateTime, lodgedOn: IsoDate, court: text({ max: 120, line: true }) }),
]);
export type ObjectionStepRequest = z.infer<typeof ObjectionStepRequest>;

export const ObjectionView = z.object({
  objectionId: z.string(),
  decisionId: z.string(),
  party: z.enum(OBJECTION_PARTIES),
  decisionSentOn: IsoDate,
  receivedOn: IsoDate,
  grounds: z.string(),
  advisoryCommittee: z.boolean(),
  extendedOn: IsoDate.nullable(),
  hearingOn: IsoDate.nullable(),
  outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
  decidedOn: IsoDate.nullable(),
  motivation: z.string().nullable(),
  appealLodgedOn: IsoDate.nullable(),
  appealCourt: z.string().nullable(),
  objectionDeadline: IsoDate,
  late: z.boolean(),
  decisionDeadline: IsoDate,
  appealDeadline: IsoDate.nullable(),
  appealLate: z.boolean().nullable(),
  /** What is waiting and by when (null when nothing is). */
  work: z.object({ kind: z.enum(['decide_objection', 'new_decision']), dueOn: IsoDate.nullable() }).nullable(),
  recordedBy: z.string(),
  recordedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** As of a past moment only: false when the handling was changed after it and is shown by its dates (ADR 0031). */
  exact: z.boolean().optional(),
});
export type ObjectionView = z.infer<typeof ObjectionView>;

export const ObjectionsView = z.object({
  caseId: z.string(),
  /** The moment shown (`?asOf=`), or null for now; a past view offers no lodging or handling. */
  asOf: IsoDateTime.nullable(),
  mayLodge: z.boolean(),
  mayHandle: z.boolean(),
  /** The decisions an objection can be against (approved ones), newest first, with the day each was sent. */
  decisions: z.array(z.object({ decisionId: z.string(), sentOn: IsoDate, inForce: z.boolean() })),
  objections: z.array(ObjectionView),
});
export type ObjectionsView = z.infer<typeof ObjectionsView>;
