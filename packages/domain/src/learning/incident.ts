import type { Marking } from '../access/derived-marking';
import type { Incident as ReassessmentIncident } from '../assessment/reassessment';
import { fail, ok, type Result } from '../shared/result';
import { classificationRank, type Classification, type Organisation } from '../shared/vocabulary';

/** What happened at or near a protected person (issue 14, DOMAIN §8). */
export const INCIDENT_KINDS = ['threat_signal', 'attempted_approach', 'measure_breach', 'agenda_place_event'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** An incident as recorded: never changed afterwards (a correction is a new incident). */
export interface IncidentRecord {
  incidentId: string;
  caseId: string;
  kind: IncidentKind;
  occurredAt: string;
  description: string;
  location: string | null;
  marking: Marking;
  recordedBy: string;
  recordedAt: string;
}

export interface RecordIncidentInput {
  kind: IncidentKind;
  occurredAt: string;
  description: string;
  location?: string | null | undefined;
  /** The marking asked for; at least the case's. */
  classification: Classification;
}

/**
 * The marking an incident gets: what the recorder asks for, never lower than the case's (its
 * content is about the person), with the recorder's organisation as originator. The recorder must
 * be cleared for it: nobody writes what they may not read. Incidents cannot lie in the future.
 */
export function incidentMarking(
  input: Pick<RecordIncidentInput, 'classification' | 'occurredAt'>,
  caseClassification: Classification,
  recorder: { organisation: Organisation; clearance: Classification },
  now: string,
): Result<Marking> {
  if (classificationRank(input.classification) < classificationRank(caseClassification)) {
    return fail('VALIDATION_FAILED', 'an incident is marked at least as the case is', { field: 'classification', caseClassification });
  }
  if (classificationRank(input.classification) > classificationRank(recorder.clearance)) {
    return fail('FORBIDDEN_ACTION', 'you are not cleared for the marking asked', { field: 'classification' });
  }
  if (Date.parse(input.occurredAt) > Date.parse(now)) return fail('VALIDATION_FAILED', 'an incident cannot lie in the future', { field: 'occurredAt' });
  return ok({ classification: input.classification, originator: recorder.organisation });
}

/** The incidents known at `at`: those recorded by then (the as-of view, ADR 0005). */
export const incidentsKnownAt = <I extends Pick<IncidentRecord, 'recordedAt'>>(incidents: readonly I[], at: string): I[] =>
  incidents.filter((i) => Date.parse(i.recordedAt) <= Date.parse(at));

/**
 * What the DAF's re-assessment rule takes from incidents (the "incident" trigger): the id and the
 * moment, never the content — the reason names the incident, the case page shows it.
 */
export const reassessmentIncidents = (incidents: readonly Pick<IncidentRecord, 'incidentId' | 'occurredAt'>[]): ReassessmentIncident[] =>
  incidents.map((i) => ({ incidentId: i.incidentId, occurredAt: i.occurredAt, description: '' }));
