import { CONSULTATION_LEVELS, MEASURE_DOMAINS, OFFERABLE_CARE_MODULES, OFFERABLE_MEASURES, OM_RELEASE_OPTIONS, REVIEW_VERDICTS, WEIGHING_OUTCOMES, WEIGHING_SUBJECTS } from '@hoeder/domain';
import { z } from 'zod';
import { IsoDate, IsoDateTime, Organisation, ThreatLevel, Uuid } from './common';
import { text } from './text';

/** Issue 14 items 3–5: the crown-witness track and the coordinate interests of NCTV and OM. */

const Version = z.int().min(0);
const Long = text({ max: 4000 });
/** The organisations the OM may release its content to (never executing units or the advisory body). */
const OmReleaseTo = z.array(z.enum(OM_RELEASE_OPTIONS)).max(OM_RELEASE_OPTIONS.length).default([]);

/** A participant as recorded: a Hoeder user carries its id; an external participant does not. */
const Participant = z.object({ name: text({ max: 120, line: true }), organisation: Organisation, userId: Uuid.optional() });

/**
 * A participant as a writer names one (ADR 0030): a user of the case's team by id (the server
 * takes the name and organisation from the user record), or an external with name and organisation.
 */
const ParticipantInput = z
  .strictObject({ userId: Uuid.optional(), name: text({ max: 120, line: true }).optional(), organisation: Organisation.optional() })
  .superRefine((p, ctx) => {
    if (p.userId !== undefined && (p.name !== undefined || p.organisation !== undefined)) ctx.addIssue({ code: 'custom', path: ['userId'], message: 'a user is named by id only; an external by name and organisation' });
    if (p.userId === undefined && p.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'an external participant has a name' });
    if (p.userId === undefined && p.organisation === undefined) ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'an external participant has an organisation' });
  })
  .transform((p): { userId: string } | { name: string; organisation: z.infer<typeof Organisation> } => (p.userId !== undefined ? { userId: p.userId } : { name: p.name!, organisation: p.organisation! }));

const MEASURE_VOCABULARY: Record<string, readonly string[]> = { ...OFFERABLE_MEASURES, care: OFFERABLE_CARE_MODULES };
const ALL_MEASURES = [...new Set([...Object.values(OFFERABLE_MEASURES).flat(), ...OFFERABLE_CARE_MODULES])] as [string, ...string[]];
const RequiredMeasure = z
  .object({ personId: Uuid, domain: z.enum([...MEASURE_DOMAINS, 'care']), measure: z.enum(ALL_MEASURES) })
  .refine((m) => (MEASURE_VOCABULARY[m.domain] ?? []).includes(m.measure), { message: 'not a measure of this domain', path: ['measure'] });

export const OpenCrownWitnessTrackRequest = z.object({
  expectedVersion: Version,
  witnessPersonId: Uuid,
  investigativeInterest: Long,
  prosecutorialInterest: Long,
  releaseTo: OmReleaseTo,
});
export type OpenCrownWitnessTrackRequest = z.infer<typeof OpenCrownWitnessTrackRequest>;

export const RecordRiskInventoryRequest = z.object({
  expectedVersion: Version,
  personsInScope: z.array(z.object({ personId: Uuid, riskLevel: ThreatLevel, risks: Long })).min(1).max(20),
  requiredMeasures: z.array(RequiredMeasure).max(100),
  protectionCapacity: Long,
  witnessProtectionCapacity: Long,
  ethicalConsequences: Long,
});
export type RecordRiskInventoryRequest = z.infer<typeof RecordRiskInventoryRequest>;

export const RecordWeighingRequest = z.object({
  expectedVersion: Version,
  subject: z.enum(WEIGHING_SUBJECTS),
  consultationId: Uuid.optional(),
  protectionInterest: Long,
  investigationInterest: Long,
  outcome: z.enum(WEIGHING_OUTCOMES),
  reasons: text({ min: 10, max: 4000 }),
  participants: z.array(ParticipantInput).max(30),
  releaseTo: OmReleaseTo,
});
export type RecordWeighingRequest = z.infer<typeof RecordWeighingRequest>;

export const ReviewWeighingRequest = z.object({ expectedVersion: Version, verdict: z.enum(REVIEW_VERDICTS), findings: text({ min: 10, max: 4000 }) });
export type ReviewWeighingRequest = z.infer<typeof ReviewWeighingRequest>;

export const WeighingIdParams = z.object({ caseId: Uuid, weighingId: Uuid });

export const RecordDealPublicRequest = z.object({ expectedVersion: Version, note: text({ max: 1000 }), releaseTo: OmReleaseTo });
export type RecordDealPublicRequest = z.infer<typeof RecordDealPublicRequest>;

export const RecordConsultationRequest = z.object({
  expectedVersion: Version,
  level: z.enum(CONSULTATION_LEVELS),
  heldOn: IsoDate,
  participants: z.array(ParticipantInput).max(30),
  summary: Long,
  releaseTo: OmReleaseTo,
});
export type RecordConsultationRequest = z.infer<typeof RecordConsultationRequest>;

export const CoordinationQuery = z.object({ asOf: IsoDateTime.optional() });

const Meta = {
  seq: z.int(),
  originator: Organisation,
  releasableTo: z.array(Organisation).nullable(),
  classification: z.string(),
  recordedBy: z.string(),
  recordedRole: z.string(),
  recordedAt: z.string(),
};

const Weighing = z.object({
  ...Meta,
  weighingId: z.string(),
  subject: z.enum(WEIGHING_SUBJECTS),
  inventoryVersion: z.int().nullable(),
  consultationId: z.string().nullable(),
  protectionInterest: z.string(),
  investigationInterest: z.string(),
  outcome: z.enum(WEIGHING_OUTCOMES),
  reasons: z.string(),
  participants: z.array(Participant),
  review: z.object({ ...Meta, verdict: z.enum(REVIEW_VERDICTS), findings: z.string() }).nullable(),
  /** A decision maker may review it: not the author, not a participant, not reviewed yet. */
  mayReview: z.boolean(),
});

export const CoordinationView = z.object({
  caseId: z.string(),
  version: z.int(),
  asOf: z.string().nullable(),
  /** Entries recorded but not released to this reader (originator control): counted, not shown. */
  withheld: z.int(),
  persons: z.array(z.object({ personId: z.string(), fullName: z.string() })),
  track: z
    .object({
      witnessPersonId: z.string(),
      openedAt: z.string(),
      interest: z.object({ ...Meta, investigativeInterest: z.string(), prosecutorialInterest: z.string() }).nullable(),
      inventory: z
        .object({
          ...Meta,
          version: z.int(),
          personsInScope: z.array(z.object({ personId: z.string(), riskLevel: ThreatLevel, risks: z.string() })),
          requiredMeasures: z.array(z.object({ personId: z.string(), domain: z.string(), measure: z.string(), active: z.boolean() })),
          protectionCapacity: z.string(),
          witnessProtectionCapacity: z.string(),
          ethicalConsequences: z.string(),
        })
        .nullable(),
      inventoryVersions: z.int(),
      dealPublicAt: z.string().nullable(),
      /** The gate as it stands (not in an as-of view): the blockers by code. */
      gate: z.object({ open: z.boolean(), blockers: z.array(z.string()) }).nullable(),
    })
    .nullable(),
  weighings: z.array(Weighing),
  consultations: z.array(z.object({ ...Meta, consultationId: z.string(), level: z.enum(CONSULTATION_LEVELS), heldOn: z.string(), participants: z.array(Participant), summary: z.string() })),
  may: z.object({ openTrack: z.boolean(), recordInventory: z.boolean(), recordWeighing: z.boolean(), review: z.boolean(), dealPublic: z.boolean(), recordConsultation: z.boolean() }),
  /** The case's team, for a writer to pick user participants from (empty for readers and as of a moment). */
  team: z.array(z.object({ userId: z.string(), name: z.string(), organisation: Organisation })),
});
export type CoordinationView = z.infer<typeof CoordinationView>;

export const CoordinationCaseList = z.array(z.object({ caseId: z.string(), reference: z.string(), phase: z.string(), crownWitness: z.boolean(), entries: z.int() }));
export type CoordinationCaseList = z.infer<typeof CoordinationCaseList>;
