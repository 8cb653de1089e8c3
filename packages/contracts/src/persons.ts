import { z } from 'zod';
import { IsoDate, IsoDateTime, PersonRole, Text, text, Uuid } from './common';

/** Issue 12 items 1 and 2 (ADR 0021): the person's file, intake's duplicate warning, the contact log. */

export const AddressDomain = z.enum(['home', 'work', 'transport', 'private']);
export const ContactChannel = z.enum(['in_person', 'phone', 'video', 'letter', 'email', 'secure_message']);
export const ToldTopic = z.enum(['threat_background', 'package_offer', 'package_change', 'refusal', 'other']);
const Seen = z.number().int().min(0);

export const PersonAddressInput = z.object({
  addressId: Uuid.optional(),
  domain: AddressDomain,
  label: text({ max: 60, line: true }),
  street: text({ max: 200, line: true }),
  postcode: z.string().trim().regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'a Dutch postcode: 1234 AB'),
  city: text({ max: 100, line: true }),
});

export const SavePersonDetailsRequest = z.object({
  expectedVersion: Seen,
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'a telephone number').nullable(),
  email: z.email().max(200).nullable(),
  addresses: z.array(PersonAddressInput).max(10),
});
export type SavePersonDetailsRequest = z.infer<typeof SavePersonDetailsRequest>;

export const PersonAddressDto = PersonAddressInput.extend({ addressId: Uuid });

export const PersonView = z.object({
  personId: Uuid,
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  cases: z.array(z.object({ caseId: Uuid, reference: z.string(), role: PersonRole, relation: z.string().nullable() })),
  /** What of the contact details this reader sees: all, only some domains' addresses, or none. */
  addressAccess: z.enum(['all', 'domains', 'none']),
  details: z
    .object({ version: z.number().int(), phone: z.string().nullable(), email: z.string().nullable(), addresses: z.array(PersonAddressDto), recordedAt: IsoDateTime, recordedBy: z.string() })
    .nullable(),
  mayEdit: z.boolean(),
});
export type PersonView = z.infer<typeof PersonView>;

export const DuplicateCheckRequest = z.object({
  persons: z.array(z.object({ fullName: text({ max: 200, line: true }), dateOfBirth: IsoDate.optional() })).min(1).max(20),
});
export type DuplicateCheckRequest = z.infer<typeof DuplicateCheckRequest>;

export const DuplicateCheckResponse = z.object({
  matches: z.array(z.object({ index: z.number().int(), personId: Uuid, fullName: z.string(), dateOfBirth: z.string().nullable(), strength: z.enum(['likely', 'possible']) })),
});
export type DuplicateCheckResponse = z.infer<typeof DuplicateCheckResponse>;

export const ContactEntryRequest = z
  .object({
    /** How many entries the log had when the form was opened (optimistic concurrency). */
    expectedSeq: Seen,
    personId: Uuid.optional(),
    contactDate: IsoDate,
    channel: ContactChannel,
    spokeWith: text({ max: 200, line: true }),
    discussed: Text(5000),
    personAsked: text({ min: 0, max: 2000 }).default(''),
    promised: text({ min: 0, max: 2000 }).default(''),
    informationGiven: z.boolean(),
    toldTopic: ToldTopic.optional(),
    /** What was told or sent to the person; checked against the decision in force. */
    message: text({ min: 0, max: 5000 }).default(''),
    /** The liaison saw the contradiction warning and logs the entry anyway. */
    acknowledgeContradictions: z.boolean().default(false),
    correctsEntryId: Uuid.optional(),
    /** Why the entry named in correctsEntryId is corrected (required with it, refused without it). */
    correctionReason: text({ max: 2000 }).optional(),
  })
  .refine((r) => !r.informationGiven || r.message.trim().length > 0, { path: ['message'], message: 'information given needs the message as told' })
  .refine((r) => !r.correctsEntryId || (r.correctionReason?.trim().length ?? 0) > 0, { path: ['correctionReason'], message: 'a correction says why it corrects the entry' })
  .refine((r) => r.correctsEntryId || r.correctionReason === undefined, { path: ['correctionReason'], message: 'a reason belongs to a correction (correctsEntryId)' });
export type ContactEntryRequest = z.infer<typeof ContactEntryRequest>;

export const Contradiction = z.object({ code: z.enum(['measure_not_in_package', 'resistance_level_differs', 'review_date_differs', 'no_decision_in_force']), mentioned: z.string(), inForce: z.string().nullable() });

export const ContactEntryDto = z.object({
  entryId: Uuid,
  seq: z.number().int(),
  personId: Uuid.nullable(),
  contactDate: z.string(),
  channel: ContactChannel,
  spokeWith: z.string(),
  discussed: z.string(),
  personAsked: z.string(),
  promised: z.string(),
  informationGiven: z.boolean(),
  toldTopic: ToldTopic.nullable(),
  message: z.string(),
  contradictions: z.array(Contradiction),
  acknowledgedContradictions: z.boolean(),
  correctsEntryId: Uuid.nullable(),
  correctionReason: z.string().nullable(),
  /** The entry that corrects this one, when one does (the original stays visible as corrected). */
  correctedBy: z.object({ entryId: Uuid, reason: z.string().nullable(), recordedBy: z.object({ userId: z.string(), displayName: z.string(), role: z.string() }), recordedAt: IsoDateTime }).nullable(),
  recordedBy: z.object({ userId: z.string(), displayName: z.string(), role: z.string() }),
  recordedAt: IsoDateTime,
});

export const ToldItemDto = z.object({
  at: z.string(),
  kind: z.enum(['package_offered', 'package_changed', 'protection_ended', 'threat_background', 'package_offer', 'package_change', 'refusal', 'other']),
  source: z.enum(['decision', 'contact_log']),
  recordedAt: z.string(),
  decisionId: z.string().optional(),
  resistanceLevel: z.string().optional(),
  measures: z.array(z.string()).optional(),
  reviewDate: z.string().optional(),
  entryId: z.string().optional(),
  message: z.string().optional(),
});

export const ContactView = z.object({
  caseId: Uuid,
  asOf: IsoDateTime.nullable(),
  seq: z.number().int(),
  entries: z.array(ContactEntryDto),
  told: z.array(ToldItemDto),
  decisionInForce: z.object({ decisionId: z.string(), resistanceLevel: z.string(), reviewDate: z.string(), measures: z.array(z.string()) }).nullable(),
  persons: z.array(z.object({ personId: Uuid, fullName: z.string(), role: PersonRole })),
  mayWrite: z.boolean(),
});
export type ContactView = z.infer<typeof ContactView>;

/** The addresses of a case's persons for those who protect them (the liaison; the LCC and tasked units for their posts). */
export const CaseAddressesView = z.object({
  caseId: Uuid,
  addressAccess: z.enum(['all', 'domains']),
  persons: z.array(z.object({ personId: Uuid, fullName: z.string(), role: PersonRole, addresses: z.array(PersonAddressDto) })),
});
export type CaseAddressesView = z.infer<typeof CaseAddressesView>;
