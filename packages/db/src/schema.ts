import type { AbsenceReason, assessment, CaseEventType, CasePhase, Classification, Organisation, Role, ThreatPhenomenon, UnitKind, UnitOrganisation } from '@hoeder/domain';
import type { PolicyHistoryAction, PolicyVersionStatus } from '@hoeder/domain/policy';
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface AppUserTable {
  user_id: string;
  /** The subject identifier at the identity provider (OIDC `sub`). */
  subject: string;
  display_name: string;
  organisation: Organisation;
  roles: Role[];
  clearance: Classification;
  active: Generated<boolean>;
  created_at: Timestamp;
  /** The executing unit the user works in (unit leads); null for everyone else. */
  unit_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UnitTable {
  unit_id: string;
  name: string;
  kind: UnitKind;
  organisation: UnitOrganisation;
  region: string | null;
  active: Generated<boolean>;
}

/** A team within a unit (issue 11): organisational, no personal data. */
export interface TeamTable {
  unit_id: string;
  name: string;
}

/** An officer of an executing unit: personal data, read only with an officer grant. */
export interface OfficerTable {
  officer_id: string;
  unit_id: string;
  team_name: string | null;
  display_name: string;
  qualifications: string[];
  contract_code: string;
  active: Generated<boolean>;
  updated_at: Timestamp;
}

/** Leave and unavailability: a date range and a reason category, never a medical detail. */
export interface OfficerAbsenceTable {
  absence_id: string;
  officer_id: string;
  from_date: string;
  until_date: string;
  reason: AbsenceReason;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** One version of a protected person's agenda: the whole list of activities, and what changed. */
export interface AgendaVersionTable {
  case_id: string;
  version: number;
  /** JSON text of AgendaActivity[]. */
  activities: string;
  /** JSON text of AgendaChange. */
  changes: string;
  recorded_by: string;
  recorded_role: string;
  recorded_at: Timestamp;
}

/** One event of a case's coordination record (issue 14): crown-witness track, consultations, weighings. */
export interface CoordinationEventTable {
  case_id: string;
  seq: number;
  kind: string;
  /** JSON text of the event body. */
  body: string;
  /** JSON text of the originator's Marking. */
  marking: string;
  recorded_by: string;
  recorded_role: string;
  recorded_at: Timestamp;
}

/** A letter stored exactly as sent: PDF bytes and hash, template version and facts (issue 12). */
export interface CaseLetterTable {
  letter_id: string;
  case_id: string;
  kind: string;
  template_version: number;
  decision_id: string;
  /** JSON text of LetterFacts. */
  facts: string;
  classification: Classification;
  status: 'draft' | 'approved';
  drafted_by: string;
  drafted_role: string;
  drafted_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
  pdf: Uint8Array;
  sha256: string;
  /** Migration 0023: the record the addressee came from; null on letters made before it. */
  addressed_from_kind: Generated<string | null>;
  addressed_from_id: Generated<string | null>;
}

/** Migration 0023: a mayor or chief prosecutor as a letter's addressee, typed once and stored as such. */
export interface LocalAuthorityAddresseeTable {
  addressee_id: string;
  role: 'mayor' | 'chief_prosecutor';
  name: string;
  office: string;
  /** JSON text: the address lines as printed. */
  address_lines: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** An objection against a decision and how it was handled (issue 12 item 8); dates YYYY-MM-DD. */
export interface CaseObjectionTable {
  objection_id: string;
  case_id: string;
  decision_id: string;
  party: string;
  decision_sent_on: string;
  received_on: string;
  grounds: string;
  advisory_committee: boolean;
  extended_on: string | null;
  hearing_on: string | null;
  outcome: string | null;
  decided_on: string | null;
  motivation: string | null;
  appeal_lodged_on: string | null;
  appeal_court: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventTable {
  event_id: Generated<string>;
  case_id: string;
  version: number;
  type: CaseEventType;
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
  phase: CasePhase;
  phenomenon: ThreatPhenomenon;
  classification: Classification;
  version: number;
  registered_at: Timestamp;
  updated_at: Timestamp;
  review_date: string | null;
  /** The phase's "needs action first" rank (PHASE_ATTENTION), written by the projection (ADR 0039). */
  attention_rank: number;
}

export interface CaseMemberTable {
  case_id: string;
  user_id: string;
  added_at: Timestamp;
}

export interface AuditEntryTable {
  /** From the sequence `audit_entry_seq`: unique, not gap-free, not in commit order. */
  seq: Generated<number>;
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
  /** The hash chain of entries written before migration 0005; null for later entries. */
  prev_hash: string | null;
  hash: string | null;
}

/** The Merkle tree's leaves in tree order, written by the sealer: leaf `leaf_index` is entry `entry_seq`. */
export interface AuditLeafTable {
  leaf_index: number;
  entry_seq: number;
  /** Hex SHA-256(0x00 || canonical entry bytes). */
  leaf_hash: string;
}

/** A stored subtree hash (ADR 0037): the node over leaves [node_index·2^height, (node_index+1)·2^height). */
export interface AuditNodeTable {
  height: number;
  node_index: number;
  /** Hex RFC 9162 node hash. */
  node_hash: string;
}

/** A signed statement of the tree: its size, root and the frontier the next seal grows from. */
export interface AuditCheckpointTable {
  tree_size: number;
  root_hash: string;
  /** Hex roots of the perfect subtrees, left to right. */
  frontier: Json<string[]>;
  /** The highest entry seq sealed so far. */
  sealed_through_seq: number;
  /** Seq ranges below it not sealed yet (in flight or rolled back): [{ lo, hi, since }]. */
  open_gaps: Json<{ lo: number; hi: number; since: string }[]>;
  signed_at: Timestamp;
  key_id: string;
  signature: string;
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
  type: assessment.AssessmentEventType;
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
  classification: Classification;
  final_version: number | null;
  valid_until: string | null;
  open_version: number | null;
  open_status: assessment.VersionStatus | null;
  updated_at: Timestamp;
}

/** A cached fold of a stream (rebuildable from it): see stream-snapshot.ts. */
export interface StreamSnapshotTable {
  stream: 'case' | 'assessment';
  case_id: string;
  version: number;
  shape: number;
  /** JSON text of the folded state. */
  state: string;
  taken_at: Timestamp;
}

/** Package policy versions; a published row never changes (trigger). */
export interface PolicyVersionTable {
  version: string;
  effective_from: string;
  summary: string;
  status: PolicyVersionStatus;
  dmn_xml: string;
  revision: number;
  origin: 'shipped' | 'authored';
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
  action: PolicyHistoryAction;
  actor_id: string | null;
  occurred_at: Timestamp;
  effective_from: string;
  dmn_xml: string;
  note: string | null;
}

/** The inspectorate's review of a break-glass grant: one per grant, insert-only (issue 13). */
export interface BreakGlassReviewTable {
  grant_id: string;
  reviewed_by: string;
  reviewed_at: Timestamp;
  finding: string;
}

/** New work for a user (issue 13): open while the item is in the queue, then cleared. Identifiers only. */
export interface NotificationTable {
  notification_id: string;
  user_id: string;
  queue_id: string;
  case_id: string;
  created_at: Timestamp;
  cleared_at: Timestamp | null;
  read_at: Timestamp | null;
}

/** What a mail relay sends: to whom and a link into Hoeder, nothing else (issue 13). */
export interface MailOutboxTable {
  message_id: string;
  user_id: string;
  link: string;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface Database extends AuthTables, PolicyTables, PlanningTables, PersonTables, LearningTables {
  break_glass_review: BreakGlassReviewTable;
  notification: NotificationTable;
  mail_outbox: MailOutboxTable;
  canary_case: CanaryCaseTable;
  anomaly_cursor: AnomalyCursorTable;
  anomaly_alert: AnomalyAlertTable;
  break_glass_grant: BreakGlassGrantTable;
  assessment_event: AssessmentEventTable;
  assessment_summary: AssessmentSummaryTable;
  stream_snapshot: StreamSnapshotTable;
  app_user: AppUserTable;
  unit: UnitTable;
  team: TeamTable;
  officer: OfficerTable;
  officer_absence: OfficerAbsenceTable;
  agenda_version: AgendaVersionTable;
  coordination_event: CoordinationEventTable;
  case_letter: CaseLetterTable;
  local_authority_addressee: LocalAuthorityAddresseeTable;
  case_objection: CaseObjectionTable;
  case_event: CaseEventTable;
  case_summary: CaseSummaryTable;
  case_member: CaseMemberTable;
  audit_entry: AuditEntryTable;
  audit_leaf: AuditLeafTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_node: AuditNodeTable;
  security_assignment: SecurityAssignmentTable;
  security_assignment_version: SecurityAssignmentVersionTable;
  assignment_tasking: AssignmentTaskingTable;
  security_concept: SecurityConceptTable;
  case_employer: CaseEmployerTable;
  case_arrangement: CaseArrangementTable;
  case_arrangement_event: CaseArrangementEventTable;
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

/** Failed password attempts per account key (an HMAC of the username), for the login back-off. */
export interface LoginBackoffTable {
  account_key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AuthTables {
  auth_session: AuthSessionTable;
  oidc_payload: OidcPayloadTable;
  login_backoff: LoginBackoffTable;
}

export interface PolicyTables {
  policy_version: PolicyVersionTable;
  policy_version_history: PolicyVersionHistoryTable;
}

/** Security assignments (migration 0010, ADR 0016): the LCC's side of one case's assignment. */
export interface SecurityAssignmentTable {
  assignment_id: string;
  case_id: string;
  current_version: number;
  current_kind: 'issued' | 'withdrawn';
  accepted_version: number | null;
  accepted_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Append-only versions; content and diff are JSON text, read whole. */
export interface SecurityAssignmentVersionTable {
  assignment_id: string;
  version: number;
  kind: 'issued' | 'withdrawn';
  content: string | null;
  diff: string | null;
  reason: string | null;
  source_case_version: number;
  issued_at: Timestamp;
}

export interface AssignmentTaskingTable {
  assignment_id: string;
  unit_id: string;
  tasked_at: Timestamp;
  tasked_by: string;
  removed_at: Timestamp | null;
  acknowledged_version: number | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}

/** The security concept per domain: operational, never exported or logged. */
export interface SecurityConceptTable {
  assignment_id: string;
  domain: string;
  concept: string;
  classification: Classification;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** The job queue (ADR 0018). `payload` is JSON text. */
export interface JobTable {
  job_id: string;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: Generated<number>;
  max_attempts: number;
  run_after: Timestamp;
  locked_by: string | null;
  lease_until: Timestamp | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  last_error: string | null;
}

/** A stored roster (ADR 0019): its planning input and plan as JSON text, self-contained. */
export interface RosterVersionTable {
  version_id: string;
  version_no: Generated<number>;
  start_date: ColumnType<string, string, string>;
  days: number;
  origin: 'plan' | 'replan';
  parent_version_id: string | null;
  input: string;
  plan: string;
  change: string | null;
  diff: string | null;
  failure: string | null;
  total_posts: number;
  covered_posts: number;
  shortfalls: number;
  score_soft: number;
  score_hard: number;
  created_by: string;
  created_at: Timestamp;
  published_by: string | null;
  published_at: Timestamp | null;
}

export type PlanningRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A planning run for a period, its progress and quality so far (ADR 0019). */
export interface PlanningRunTable {
  run_id: string;
  job_id: string;
  start_date: ColumnType<string, string, string>;
  days: number;
  status: PlanningRunStatus;
  phase: string | null;
  progress: Generated<number>;
  total_posts: number | null;
  covered_posts: number | null;
  shortfalls: number | null;
  score_soft: number | null;
  score_hard: number | null;
  cancel_requested: Generated<boolean>;
  failure: string | null;
  input: string | null;
  checkpoint: string | null;
  version_id: string | null;
  requested_by: string;
  requested_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
  /** Migration 0020: a replan after a disruption runs as a job too. */
  kind: Generated<'plan' | 'replan'>;
  parent_version_id: string | null;
  change: string | null;
  elapsed_ms: number | null;
}

/** A what-if computed on a copy of a roster version (params and result JSON text). */
export interface RosterScenarioTable {
  scenario_id: string;
  version_id: string;
  kind: 'unit-loses-officers' | 'case-escalates' | 'new-cases';
  params: string;
  result: string;
  created_by: string;
  created_at: Timestamp;
}

export interface PlanningTables {
  roster_scenario: RosterScenarioTable;
  job: JobTable;
  roster_version: RosterVersionTable;
  planning_run: PlanningRunTable;
}

/** Incidents, evaluations and lessons (migration 0017, issue 14): append-only. */
export interface LearningTables {
  incident: {
    incident_id: string;
    case_id: string;
    kind: string;
    occurred_at: Timestamp;
    description: string;
    location: string | null;
    classification: string;
    originator: string;
    recorded_by: string;
    recorded_role: string;
    recorded_at: Timestamp;
  };
  evaluation_event: {
    evaluation_id: string;
    case_id: string;
    version: number;
    type: string;
    payload: string;
    actor_id: string;
    actor_role: string;
    occurred_at: Timestamp;
  };
  lesson: {
    lesson_id: string;
    evaluation_id: string;
    case_id: string;
    trigger: string;
    content: string;
    classification: string;
    originator: string;
    recorded_at: Timestamp;
  };
  lesson_policy_link: {
    lesson_id: string;
    policy_version: string;
    linked_by: string;
    linked_at: Timestamp;
  };
  /** Migration 0021 (ADR 0030): the follow-up lifecycle, the release and the template link of a lesson. */
  lesson_status_event: {
    lesson_id: string;
    seq: number;
    status: string;
    note: string;
    reason: string | null;
    actor_id: string;
    actor_role: string;
    occurred_at: Timestamp;
  };
  lesson_release: {
    lesson_id: string;
    classification: string;
    content: string;
    released_by: string;
    released_at: Timestamp;
  };
  lesson_template_link: {
    lesson_id: string;
    template_id: string;
    template_version: number;
    linked_by: string;
    linked_at: Timestamp;
  };
}

/** Issue 12: the employer of a protected person (one per person per case). */
export interface CaseEmployerTable {
  employer_id: string;
  case_id: string;
  person_id: string;
  name: string;
  contact: string;
  created_by: string;
  created_at: Timestamp;
}

/** Issue 12: an agreement, care referral or employer duty with its current status. */
export interface CaseArrangementTable {
  arrangement_id: string;
  seq: Generated<string>;
  case_id: string;
  kind: string;
  code: string;
  person_id: string | null;
  employer_id: string | null;
  description: string;
  consequence: string | null;
  owner: string | null;
  status: string;
  follow_up_on: string | null;
  version: number;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Issue 12: every step of an arrangement, refusals included. */
export interface CaseArrangementEventTable {
  arrangement_id: string;
  version: number;
  case_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  follow_up_on: string | null;
  actor_id: string;
  occurred_at: Timestamp;
  /** Migration 0022: the owner after this step (null on steps before it, or on kinds without an owner). */
  owner: ColumnType<string | null, string | null | undefined, never>;
}

/** Issue 13 (ADR 0026): synthetic cases no real work touches; any read of one alerts. */
export interface CanaryCaseTable {
  case_id: string;
  keeper_id: string;
  created_at: Timestamp;
}

/** How far the anomaly rules have read the sealed audit log, and their bounded memory. */
export interface AnomalyCursorTable {
  cursor_id: number;
  next_leaf: ColumnType<number, number, number>;
  rule_version: string;
  state: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** An access anomaly alert; one open alert per dedupe key; closed once with a finding. */
export interface AnomalyAlertTable {
  alert_id: string;
  rule_id: string;
  rule_version: string;
  user_id: string;
  dedupe_key: string;
  first_seq: ColumnType<number, number, number>;
  last_seq: ColumnType<number, number, number>;
  occurred_at: Timestamp;
  raised_at: Timestamp;
  case_ids: string[];
  observed: number;
  threshold: number;
  hits: Generated<number>;
  closed_at: Timestamp | null;
  closed_by: string | null;
  finding: string | null;
}

/** Issue 12 (ADR 0021): the person's file and the contact log. Personal data: read only with a person grant. */
export interface PersonTables {
  person: { person_id: string; full_name: string; date_of_birth: ColumnType<string | null, string | null, string | null>; created_at: Timestamp };
  case_person: { case_id: string; person_id: string; role: string; relation: string | null; relation_code: string | null; relation_code_basis: string | null; linked_at: Timestamp };
  /** JSON text of PersonDetails (phone, e-mail, addresses per domain). */
  person_details_version: { person_id: string; version: number; details: string; recorded_by: string; recorded_role: string; recorded_at: Timestamp };
  contact_log_entry: {
    case_id: string;
    seq: number;
    entry_id: string;
    person_id: string | null;
    contact_date: ColumnType<string, string, string>;
    channel: string;
    spoke_with: string;
    discussed: string;
    person_asked: string;
    promised: string;
    information_given: boolean;
    told_topic: string | null;
    message: string;
    /** JSON text of the Contradiction[] shown before the entry was logged. */
    contradictions: string;
    acknowledged_contradictions: boolean;
    corrects_entry_id: string | null;
    /** Migration 0022: why a correction corrects the entry it names. */
    correction_reason: ColumnType<string | null, string | null | undefined, never>;
    recorded_by: string;
    recorded_role: string;
    recorded_at: Timestamp;
  };
}
