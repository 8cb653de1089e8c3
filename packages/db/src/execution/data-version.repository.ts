import { sql } from 'kysely';
import type { Db } from '../schema';

/**
 * A fingerprint of everything a planning input is built from (ADR 0027): units, officers and their
 * contracts and qualifications, absences, agenda versions, assignments and their taskings. Equal
 * fingerprints mean an equal input for the same period, so derived figures (the capacity
 * dashboard) can be reused; any change anywhere changes it. Hashes and counts only: nothing
 * personal leaves this query. Append-only tables count rows; updated ones hash their relevant
 * columns (timestamps alone would miss two changes within one clock tick).
 */
export async function executionDataVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ v: string }>`
    SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(concat_ws(',', unit_id, kind, organisation, active), ';' ORDER BY unit_id), '')) FROM unit),
      (SELECT md5(coalesce(string_agg(concat_ws(',', officer_id, unit_id, array_to_string(qualifications, ' '), contract_code, active), ';' ORDER BY officer_id), '')) FROM officer),
      (SELECT count(*) FROM officer_absence),
      (SELECT count(*) FROM agenda_version),
      (SELECT md5(coalesce(string_agg(concat_ws(',', assignment_id, current_version, current_kind, accepted_version), ';' ORDER BY assignment_id), '')) FROM security_assignment),
      (SELECT md5(coalesce(string_agg(concat_ws(',', assignment_id, unit_id, removed_at), ';' ORDER BY assignment_id, unit_id), '')) FROM assignment_tasking)
    ) AS v`.execute(db);
  return rows[0]!.v;
}
