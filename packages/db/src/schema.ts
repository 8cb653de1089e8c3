import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface AppUserTable {
  user_id: string;
  /** The subject identifier at the identity provider (OIDC `sub`). */
  subject: string;
  display_name: string;
  organisation: string;
  roles: string[];
  clearance: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface CaseEventTable {
  event_id: Generated<string>;
  case_id: string;
  version: number;
  type: string;
  payload: Json;
  actor_id: string;
  actor_role: string;
  occurred_at: Timestamp;
  /** When the database stored it; `occurred_at` is the application's (injected) clock. */
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
  trace_id: string;
}

/** Read model, projected in the same transaction as the events it reflects. No personal data. */
export interface CaseSummaryTable {
  case_id: string;
  reference: string;
  phase: string;
  phenomenon: string;
  classification: string;
  version: number;
  registered_at: Timestamp;
  updated_at: Timestamp;
  review_date: string | null;
}

export interface CaseMemberTable {
  case_id: string;
  user_id: string;
  added_at: Timestamp;
}

export interface AuditEntryTable {
  seq: number;
  occurred_at: Timestamp;
  trace_id: string;
  operation: string;
  status: string;
  user_id: string | null;
  user_organisation: string | null;
  user_role: string | null;
  processing_activity: string;
  object_type: string;
  object_id: string | null;
  data_subject_id: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** One row: the head of the audit chain; updating it serialises appends. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** Temporary, justified read access outside the case team; never updated or deleted. */
export interface BreakGlassGrantTable {
  grant_id: string;
  case_id: string;
  user_id: string;
  justification: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
}

/** The DAF record of a case (ADR 0008): append-only, same shape as case_event. */
export interface AssessmentEventTable {
  event_id: Generated<string>;
  case_id: string;
  version: number;
  type: string;
  payload: Json;
  actor_id: string;
  actor_role: string;
  occurred_at: Timestamp;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
  trace_id: string;
}

/** Read model of the DAF record, projected with its events. Markings and numbers only, no content. */
export interface AssessmentSummaryTable {
  case_id: string;
  version: number;
  classification: string;
  final_version: number | null;
  valid_until: string | null;
  open_version: number | null;
  open_status: string | null;
  updated_at: Timestamp;
}

/** A cached fold of a stream (rebuildable from it): see stream-snapshot.ts. */
export interface StreamSnapshotTable {
  stream: 'case' | 'assessment';
  case_id: string;
  version: number;
  shape: number;
  state: unknown;
  taken_at: Timestamp;
}

/** Package policy versions; a published row never changes (trigger). */
export interface PolicyVersionTable {
  version: string;
  effective_from: string;
  summary: string;
  status: string;
  dmn_xml: string;
  revision: number;
  origin: string;
  author_id: string | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every creation, save, submission and publication of a policy version, with its XML; append-only. */
export interface PolicyVersionHistoryTable {
  seq: Generated<number>;
  version: string;
  revision: number;
  action: string;
  actor_id: string | null;
  occurred_at: Timestamp;
  effective_from: string;
  dmn_xml: string;
  note: string | null;
}

export interface Database extends AuthTables, PolicyTables {
  break_glass_grant: BreakGlassGrantTable;
  assessment_event: AssessmentEventTable;
  assessment_summary: AssessmentSummaryTable;
  stream_snapshot: StreamSnapshotTable;
  app_user: AppUserTable;
  case_event: CaseEventTable;
  case_summary: CaseSummaryTable;
  case_member: CaseMemberTable;
  audit_entry: AuditEntryTable;
  audit_head: AuditHeadTable;
}

/** Repository functions take this first: the database or the transaction they run in. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Server-side login sessions; only a hash of the cookie value is stored. */
export interface AuthSessionTable {
  session_id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

/** Storage for the embedded OpenID provider (codes, grants, its own sessions). */
export interface OidcPayloadTable {
  id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  expires_at: Timestamp | null;
  consumed_at: Timestamp | null;
}

export interface AuthTables {
  auth_session: AuthSessionTable;
  oidc_payload: OidcPayloadTable;
}

export interface PolicyTables {
  policy_version: PolicyVersionTable;
  policy_version_history: PolicyVersionHistoryTable;
}
