import { z } from 'zod';
import {
  CASE_PHASES,
  CASE_SECTIONS,
  CLASSIFICATIONS,
  LOCAL_AUTHORITIES,
  ORGANISATIONS,
  PERSON_ROLES,
  REFERRAL_SOURCES,
  RESISTANCE_LEVELS,
  ROLES,
  THREAT_LEVELS,
  THREAT_PHENOMENA,
  TRIAGE_OUTCOMES,
} from '@hoeder/domain';

export const Role = z.enum(ROLES);
export const Organisation = z.enum(ORGANISATIONS);
export const Classification = z.enum(CLASSIFICATIONS);
export const ThreatPhenomenon = z.enum(THREAT_PHENOMENA);
export const ReferralSource = z.enum(REFERRAL_SOURCES);
export const TriageOutcome = z.enum(TRIAGE_OUTCOMES);
export const LocalAuthority = z.enum(LOCAL_AUTHORITIES);
export const ThreatLevel = z.enum(THREAT_LEVELS);
export const ResistanceLevel = z.enum(RESISTANCE_LEVELS);
export const PersonRole = z.enum(PERSON_ROLES);
export const CasePhase = z.enum(CASE_PHASES);
export const CaseSection = z.enum(CASE_SECTIONS);

export const Uuid = z.uuid();
/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export { Text, text } from './text';

/** Every state-changing request names the case version it was based on (optimistic concurrency). */
export const ExpectedVersion = z.number().int().min(1);

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Me = z.object({
  userId: Uuid,
  displayName: z.string(),
  roles: z.array(Role),
  organisation: Organisation,
  clearance: Classification,
  /** The executing unit of a unit lead; null for everyone else. */
  unitId: z.string().nullable(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const UserSummary = z.object({
  userId: Uuid,
  displayName: z.string(),
  roles: z.array(Role),
  organisation: Organisation,
});
export type UserSummary = z.infer<typeof UserSummary>;
