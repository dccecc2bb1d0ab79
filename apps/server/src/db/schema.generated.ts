// Generated from the migrations by `npm run db:types` (apps/server/src/db/schema-types.ts): do not edit.
// schema-types.int.test.ts fails when it differs from a fresh generation.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export interface AlertBatchItemsTable {
  batch_id: string;
  alert_id: string;
  org_id: string;
  day: ColumnType<Date, Date | string, Date | string>;
  inserted: boolean;
  occurrences: number;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AlertSourcesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  format: string;
  api_key_id: string | null;
  syslog_address: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_seen_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  accepted: Generated<string>;
  duplicates: Generated<string>;
  rejected: Generated<string>;
  exercise_id: string | null;
}

export interface AlertsTable {
  id: Generated<string>;
  day: ColumnType<Date, Date | string, Date | string>;
  fingerprint: string;
  org_id: string;
  reporter_org_id: string;
  source_id: string | null;
  attributed: Generated<boolean>;
  format: string;
  source_ref: string | null;
  event_time: ColumnType<Date, Date | string, Date | string>;
  received_at: ColumnType<Date, Date | string, Date | string>;
  first_seen: ColumnType<Date, Date | string, Date | string>;
  last_seen: ColumnType<Date, Date | string, Date | string>;
  occurrences: Generated<number>;
  title: string;
  description: string | null;
  vendor: string | null;
  product: string | null;
  rule_id: string | null;
  rule_name: string | null;
  severity: number;
  source_severity: string | null;
  rsit_class: string | null;
  rsit_type: string | null;
  attack: Generated<string[]>;
  src_ip: string | null;
  src_port: number | null;
  dst_ip: string | null;
  dst_port: number | null;
  protocol: string | null;
  asset_hostname: string | null;
  asset_ip: string | null;
  observables: ColumnType<unknown, string | undefined, string>;
  tags: Generated<string[]>;
  sectors: Generated<string[]>;
  province_code: string | null;
  raw: string;
  batch_id: string;
  last_batch: string;
  batch_occurrences: Generated<number>;
  indicator_matches: ColumnType<unknown, string | undefined, string>;
  false_positive_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  false_positive_reason: string | null;
  false_positive_by: string | null;
  assignee_user_id: string | null;
  raw_last: string | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  org_id: string;
  role: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_used_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface AssessmentAnswersTable {
  task_id: string;
  req_id: string;
  answer: string;
  comment: string | null;
  review: Generated<string>;
  review_comment: string | null;
  answered_by: string;
  answered_at: ColumnType<Date, Date | string | undefined, Date | string>;
  reviewed_by: string | null;
  reviewed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface AssessmentCampaignsTable {
  id: Generated<string>;
  title: string;
  description: string | null;
  catalogue_id: string;
  due_date: ColumnType<Date, Date | string, Date | string>;
  target_sectors: Generated<string[]>;
  target_provinces: Generated<string[]>;
  target_kinds: Generated<string[]>;
  target_levels: Generated<number[]>;
  status: Generated<string>;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AssessmentEvidenceTable {
  id: Generated<string>;
  task_id: string;
  req_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AssessmentLevelTalliesTable {
  campaign_id: string;
  security_level: number;
  tasks: Generated<number>;
  submitted: Generated<number>;
  applicable: Generated<number>;
  answered: Generated<number>;
  met: Generated<number>;
  partly: Generated<number>;
  not_met: Generated<number>;
  not_applicable: Generated<number>;
}

export interface AssessmentOrgRequirementCountsTable {
  campaign_id: string;
  org_id: string;
  req_id: string;
  met: Generated<number>;
  partly: Generated<number>;
  not_met: Generated<number>;
  not_applicable: Generated<number>;
}

export interface AssessmentOrgTalliesTable {
  campaign_id: string;
  org_id: string;
  tasks: Generated<number>;
  submitted: Generated<number>;
  applicable: Generated<number>;
  answered: Generated<number>;
  met: Generated<number>;
  partly: Generated<number>;
  not_met: Generated<number>;
  not_applicable: Generated<number>;
}

export interface AssessmentRemindersTable {
  task_id: string;
  kind: string;
  sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AssessmentRequirementCountsTable {
  campaign_id: string;
  req_id: string;
  security_level: number;
  met: Generated<number>;
  partly: Generated<number>;
  not_met: Generated<number>;
  not_applicable: Generated<number>;
}

export interface AssessmentTasksTable {
  id: Generated<string>;
  campaign_id: string;
  system_id: string;
  org_id: string;
  security_level: number | null;
  assessor_org_id: string | null;
  status: Generated<string>;
  applicable: number;
  answered: Generated<number>;
  met: Generated<number>;
  partly: Generated<number>;
  not_met: Generated<number>;
  not_applicable: Generated<number>;
  confirmed: Generated<number>;
  returned: Generated<number>;
  version: Generated<number>;
  submitted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  signed_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AssessmentVersionsTable {
  task_id: string;
  version: number;
  signed_by: string;
  submitted_at: ColumnType<Date, Date | string, Date | string>;
  content: ColumnType<unknown, string, string>;
}

export interface AssetsTable {
  id: Generated<string>;
  org_id: string;
  kind: string;
  value: string;
  description: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AuditChainHeadTable {
  singleton: Generated<boolean>;
  last_id: string;
  hash: string;
  gapless_after: string;
}

export interface AuditCheckpointsTable {
  id: Generated<string>;
  last_id: string;
  hash: string;
  at: ColumnType<Date, Date | string, Date | string>;
  key_id: string;
  signature: string;
}

export interface AuditLogTable {
  id: string;
  at: ColumnType<Date, Date | string, Date | string>;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  org_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: ColumnType<unknown | null, string | null, string | null>;
  after: ColumnType<unknown | null, string | null, string | null>;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuthThrottleTable {
  scope: string;
  account: Generated<string>;
  address: Generated<string>;
  failures: number;
  window_start: ColumnType<Date, Date | string, Date | string>;
  blocked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface CampaignAlertsTable {
  campaign_id: string;
  alert_day: ColumnType<Date, Date | string, Date | string>;
  alert_id: string;
  org_id: string;
}

export interface CampaignEvidenceTable {
  campaign_id: string;
  kind: string;
  value: string;
  org_ids: string[];
  first_seen: ColumnType<Date, Date | string, Date | string>;
  last_seen: ColumnType<Date, Date | string, Date | string>;
}

export interface CampaignHistoryTable {
  id: Generated<string>;
  campaign_id: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
  action: string;
  other_campaign_id: string | null;
  reasons: ColumnType<unknown, string | undefined, string>;
}

export interface CampaignLinksTable {
  feature_key: string;
  campaign_id: string;
}

export interface CampaignOrgsTable {
  campaign_id: string;
  org_id: string;
  first_seen: ColumnType<Date, Date | string, Date | string>;
  last_seen: ColumnType<Date, Date | string, Date | string>;
}

export interface CampaignsTable {
  id: Generated<string>;
  link_key: string;
  title: string;
  status: Generated<string>;
  merged_into_id: string | null;
  confidence: string;
  severity: Generated<number>;
  techniques: Generated<string[]>;
  org_count: Generated<number>;
  alert_count: Generated<number>;
  first_activity: ColumnType<Date, Date | string, Date | string>;
  last_activity: ColumnType<Date, Date | string, Date | string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  explanation: ColumnType<unknown, string | undefined, string>;
  retracted_reason: ColumnType<unknown | null, string | null, string | null>;
  title_code: string | null;
  title_params: ColumnType<unknown | null, string | null, string | null>;
}

export interface CatalogueRequirementsTable {
  catalogue_id: string;
  req_id: string;
  parent_id: string | null;
  position: number;
  title_vi: string | null;
  title_en: string | null;
  text_vi: string | null;
  text_en: string | null;
  levels: Generated<number[]>;
}

export interface ConstituencyDigestsTable {
  org_id: string;
  day: ColumnType<Date, Date | string, Date | string>;
  row_count: number;
  status: string;
  recipient: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ConstituencyMappingsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  report_type: string;
  delimiter: string;
  columns: ColumnType<unknown, string, string>;
  rsit_class: string | null;
  rsit_type: string | null;
  severity: Generated<number>;
  time_zone: Generated<string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ConstituencyRowsTable {
  id: Generated<string>;
  reporter_org_id: string;
  org_id: string;
  attributed: boolean;
  feed: string;
  report_type: string;
  report_day: ColumnType<Date, Date | string, Date | string>;
  row_key: string;
  alert_day: ColumnType<Date, Date | string, Date | string>;
  alert_id: string;
  host: string | null;
  severity: number;
  title: string;
  sectors: Generated<string[]>;
  province_code: string | null;
  received_at: ColumnType<Date, Date | string, Date | string>;
}

export interface ConsumerOffsetsTable {
  name: string;
  last_id: Generated<string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ExerciseDeliveriesTable {
  exercise_id: string;
  inject_key: string;
  team_org_id: string;
  due_at: ColumnType<Date, Date | string, Date | string>;
  delivered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  source_id: string | null;
  alerts: number | null;
  incident_id: string | null;
  warning_id: string | null;
  error: string | null;
  undelivered: string | null;
}

export interface ExerciseExpectationsTable {
  exercise_id: string;
  team_org_id: string;
  inject_key: string;
  expectation_key: string;
  kind: string;
  points: number;
  offset_ms: string;
  within_ms: string;
  value: string | null;
  status: Generated<string>;
  met_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  took_ms: string | null;
  awarded: Generated<number>;
  judged_by: string | null;
  note: string | null;
}

export interface ExerciseInjectsTable {
  exercise_id: string;
  key: string;
  offset_ms: string;
  inject: ColumnType<unknown, string, string>;
  team_org_ids: string[] | null;
  manual: Generated<boolean>;
  claimed_all: Generated<boolean>;
}

export interface ExerciseLessonsTable {
  id: Generated<string>;
  exercise_id: string;
  team_org_id: string;
  author_name: string;
  author_org_id: string;
  body: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ExerciseScenariosTable {
  id: Generated<string>;
  key: string;
  owner_org_id: string | null;
  document: ColumnType<unknown, string, string>;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ExerciseTeamsTable {
  exercise_id: string;
  org_id: string;
}

export interface ExercisesTable {
  id: Generated<string>;
  scenario_id: string | null;
  organiser_org_id: string;
  title: string;
  document: ColumnType<unknown, string, string>;
  status: Generated<string>;
  speed: Generated<number>;
  scheduled_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  started_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  ended_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  clock: ColumnType<unknown, string | undefined, string>;
  replay_of: string | null;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface FocalPointsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  position: Generated<string>;
  phone: string;
  email: string;
  available_247: Generated<boolean>;
  is_primary: Generated<boolean>;
  sort: Generated<number>;
}

export interface IdentityProvidersTable {
  id: Generated<string>;
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  scopes: ColumnType<unknown, string | undefined, string>;
  enabled: Generated<boolean>;
  rules: ColumnType<unknown, string | undefined, string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IncidentAlertsTable {
  incident_id: string;
  alert_day: ColumnType<Date, Date | string, Date | string>;
  alert_id: string;
}

export interface IncidentAttachmentsTable {
  id: Generated<string>;
  incident_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array | null;
  path: string | null;
  uploaded_by_name: string;
  uploaded_by_org_id: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IncidentCommentsTable {
  id: Generated<string>;
  incident_id: string;
  author_id: string | null;
  author_name: string;
  org_id: string;
  body: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  edited_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface IncidentEventsTable {
  id: Generated<string>;
  incident_id: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
  kind: string;
  actor_name: string;
  actor_org_id: string | null;
  data: ColumnType<unknown, string | undefined, string>;
}

export interface IncidentGroupsTable {
  id: Generated<string>;
  rule_id: string;
  group_key: string;
  incident_id: string;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IncidentIndicatorsTable {
  incident_id: string;
  value_id: string;
}

export interface IncidentObservablesTable {
  incident_id: string;
  type: string;
  value: string;
}

export interface IncidentOrgsTable {
  incident_id: string;
  org_id: string;
}

export interface IncidentRegimesTable {
  incident_id: string;
  regime_id: string;
  added_at: ColumnType<Date, Date | string | undefined, Date | string>;
  named: Generated<boolean>;
}

export interface IncidentRemindersTable {
  incident_id: string;
  regime_id: string;
  rule_key: string;
  kind: string;
  due_at: ColumnType<Date, Date | string, Date | string>;
  sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IncidentReportsTable {
  id: Generated<string>;
  incident_id: string;
  regime_id: string | null;
  kind: string;
  version: number;
  content: ColumnType<unknown, string, string>;
  submitted_by_id: string | null;
  submitted_by_name: string;
  submitted_by_org_id: string;
  submitted_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IncidentSharesTable {
  id: Generated<string>;
  incident_id: string;
  org_id: string;
  profile: string;
  tlp_ceiling: string;
  reason: Generated<string>;
  created_by_name: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  revoked_by_name: string | null;
}

export interface IncidentSystemsTable {
  incident_id: string;
  system_id: string;
  source: string;
  added_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IncidentTasksTable {
  id: Generated<string>;
  incident_id: string;
  title: string;
  description: Generated<string>;
  assignee_org_id: string | null;
  assignee_user_id: string | null;
  due_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  status: Generated<string>;
  created_by_name: string;
  created_by_org_id: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  completed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface IncidentsTable {
  id: Generated<string>;
  org_id: string;
  title: string;
  severity: number;
  status: Generated<string>;
  tlp: Generated<string>;
  rule_id: string | null;
  group_key: string | null;
  alert_count: Generated<number>;
  first_alert_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_alert_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  number: Generated<string>;
  description: Generated<string>;
  source: Generated<string>;
  serious: Generated<boolean>;
  serious_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  rsit_class: string | null;
  rsit_type: string | null;
  pap: Generated<string>;
  personal_data: Generated<boolean>;
  attack: Generated<string[]>;
  affected_assets: Generated<string[]>;
  affected_system: ColumnType<unknown | null, string | null, string | null>;
  discovered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  occurred_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  beyond_capacity: Generated<boolean>;
  beyond_capacity_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  acknowledged_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  contained_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  eradicated_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  recovered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  response_ended_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  closed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  resolution: string | null;
  duplicate_of: string | null;
  assignee_user_id: string | null;
  escalated_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  reported_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  next_deadline_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_by_org_id: string | null;
  search_text: GeneratedAlways<string | null>;
  title_code: string | null;
  title_params: ColumnType<unknown | null, string | null, string | null>;
  related_incident_id: string | null;
  exercise_id: string | null;
  raised_for_system: Generated<boolean>;
  observable_count: Generated<number>;
}

export interface InformationSystemAssetsTable {
  system_id: string;
  asset_id: string;
}

export interface InformationSystemDependenciesTable {
  system_id: string;
  depends_on_id: string;
}

export interface InformationSystemLayersTable {
  system_id: string;
  layer: number;
  details: ColumnType<unknown, string | undefined, string>;
  evidence: string | null;
  recorded_on: ColumnType<Date, Date | string, Date | string>;
  recorded_by: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface InformationSystemsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  description: string | null;
  operator_org_id: string | null;
  operator_name: string | null;
  function_type: string;
  data_classes: Generated<string[]>;
  users_served: number | null;
  security_level: number | null;
  approval_number: string | null;
  approval_date: ColumnType<Date | null, Date | string | null, Date | string | null>;
  approver: string | null;
  critical: Generated<boolean>;
  status: Generated<string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IntelFeedsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  location: string;
  org_id: string;
  interval_minutes: Generated<number>;
  last_run_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  collection_id: string | null;
  auth_kind: string | null;
  credentials: string | null;
  cursor: string | null;
  page_size: Generated<number>;
}

export interface IntelIndicatorValuesTable {
  id: Generated<string>;
  stix_id: string;
  type: string;
  value: string;
  last_sighted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  suppressed_by: string | null;
}

export interface IntelIntakeRunsTable {
  id: Generated<string>;
  kind: string;
  source: string;
  org_id: string;
  started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  status: Generated<string>;
  received: Generated<number>;
  stored: Generated<number>;
  duplicates: Generated<number>;
  invalid: Generated<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  bytes_read: Generated<string>;
  bytes_total: string | null;
  notes: ColumnType<unknown, string | undefined, string>;
  runner: string | null;
}

export interface IntelSightingsTable {
  value_id: string;
  org_id: string;
  day: ColumnType<Date, Date | string, Date | string>;
  count: number;
  first_seen: ColumnType<Date, Date | string, Date | string>;
  last_seen: ColumnType<Date, Date | string, Date | string>;
}

export interface KnownClientsTable {
  user_id: string;
  kind: string;
  value: string;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MassScannersTable {
  value: string;
  type: string;
  org_count: number;
  sectors: Generated<string[]>;
  reasons: ColumnType<unknown, string | undefined, string>;
  first_seen: ColumnType<Date, Date | string, Date | string>;
  last_seen: ColumnType<Date, Date | string, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OidcSignInStatesTable {
  state_hash: string;
  browser_hash: string;
  provider_id: string;
  code_verifier: string;
  nonce: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OrgLinksTable {
  id: Generated<string>;
  from_org_id: string;
  to_org_id: string;
  type: string;
  profile: Generated<string>;
  tlp_ceiling: Generated<string>;
  created_by_name: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OrgSectorsTable {
  org_id: string;
  sector_code: string;
}

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  name_en: string | null;
  short_name: string | null;
  name_folded: string;
  kind: string;
  parent_id: string | null;
  province_code: string | null;
  status: Generated<string>;
  merged_into_id: string | null;
  security_level: number | null;
  website: string | null;
  incident_reception_email: string | null;
  address: string | null;
  demo_key: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  retired_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface OutboxTable {
  id: Generated<string>;
  type: string;
  audience: ColumnType<unknown, string, string>;
  payload: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PromotionCountsTable {
  rule_id: string;
  group_key: string;
  minute: ColumnType<Date, Date | string, Date | string>;
  n: number;
}

export interface PromotionFalsePositivesTable {
  rule_id: string;
  group_key: string;
  incident_id: string;
  alerts: number;
}

export interface PromotionRulesTable {
  id: Generated<string>;
  org_id: string | null;
  name: string;
  enabled: Generated<boolean>;
  conditions: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PromotionSuppressionsTable {
  id: Generated<string>;
  rule_id: string;
  group_key: string;
  org_id: string;
  label: ColumnType<unknown, string | undefined, string>;
  reason: string;
  incidents: number;
  false_positives: number;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_by_name: string;
  lifted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  lifted_by_name: string | null;
}

export interface ProvincesTable {
  code: string;
  name_vi: string;
  name_en: string;
  type: string;
  formed_from: ColumnType<unknown, string | undefined, string>;
  seat: string | null;
  display_order: number;
  effective_from: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface QuarantineTable {
  id: Generated<string>;
  received_at: ColumnType<Date, Date | string | undefined, Date | string>;
  org_id: string;
  source_id: string | null;
  format: string;
  code: string;
  message: string;
  raw: string;
  attempts: Generated<number>;
  replayed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  alert_day: ColumnType<Date | null, Date | string | null, Date | string | null>;
  alert_id: string | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface ReportingRegimesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string;
  legal_basis: Generated<string>;
  applies: ColumnType<unknown, string | undefined, string>;
  rules: ColumnType<unknown, string | undefined, string>;
  active: Generated<boolean>;
  effective_from: ColumnType<Date, Date | string | undefined, Date | string>;
  effective_to: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RequirementCataloguesTable {
  id: Generated<string>;
  code: string;
  version: string;
  name_vi: string | null;
  name_en: string | null;
  source: string;
  licence: string;
  notes: ColumnType<unknown, string | undefined, string>;
  built_in: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RetentionSettingsTable {
  id: Generated<boolean>;
  alert_days: number | null;
  quarantine_days: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SecondFactorsTable {
  user_id: string;
  secret: string;
  enabled_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_step: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SectorsTable {
  code: string;
  name_vi: string;
  name_en: string;
  statutory: Generated<boolean>;
  active: Generated<boolean>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  stage: Generated<string>;
  public_id: Generated<string>;
  sign_in_method: Generated<string>;
}

export interface SocLinksTable {
  provider_id: string;
  client_id: string;
  services: Generated<string[]>;
  since: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SourceMinutesTable {
  source_id: string;
  minute: ColumnType<Date, Date | string, Date | string>;
  accepted: Generated<number>;
  duplicates: Generated<number>;
  rejected: Generated<number>;
}

export interface StatsAlertsDailyTable {
  day: ColumnType<Date, Date | string, Date | string>;
  org_id: string;
  rsit_class: string;
  severity: number;
  format: string;
  sectors: string[];
  province_code: string | null;
  alerts: string;
  occurrences: string;
  late: Generated<string>;
  clamped: Generated<string>;
}

export interface StatsAlertsHourlyTable {
  hour: ColumnType<Date, Date | string, Date | string>;
  org_id: string;
  severity: number;
  alerts: string;
  occurrences: string;
}

export interface StatsImportedDailyTable {
  day: ColumnType<Date, Date | string, Date | string>;
  org_id: string;
  rsit_class: string;
  severity: number;
  sector: string | null;
  sectors: string[];
  province_code: string | null;
  alerts: string;
  occurrences: string;
  import_id: string;
  imported_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface StatsNationalDailyTable {
  scope: string;
  day: ColumnType<Date, Date | string, Date | string>;
  dim: string;
  key: string;
  alerts: string;
  occurrences: string;
}

export interface StatsNationalHourlyTable {
  scope: string;
  hour: ColumnType<Date, Date | string, Date | string>;
  alerts: string;
  occurrences: string;
}

export interface StatsOrgRunningTable {
  scope: string;
  org_id: string;
  day: ColumnType<Date, Date | string, Date | string>;
  alerts: string;
  occurrences: string;
}

export interface StatsOrgScopesTable {
  scope: string;
  org_id: string;
}

export interface StatsSurgeEpisodesTable {
  id: Generated<string>;
  group_by: string;
  key: string;
  opened_at: ColumnType<Date, Date | string, Date | string>;
  last_signal_at: ColumnType<Date, Date | string, Date | string>;
  signals: Generated<number>;
  peak: ColumnType<unknown, string, string>;
}

export interface StatsSurgeWatchTable {
  id: Generated<number>;
  last_run_at: ColumnType<Date, Date | string, Date | string>;
  hour: ColumnType<Date, Date | string, Date | string>;
  groups: number;
  signals: number;
}

export interface StatsSurgesTable {
  id: Generated<string>;
  group_by: string;
  key: string;
  kind: string;
  day: ColumnType<Date, Date | string, Date | string>;
  evidence: ColumnType<unknown, string, string>;
  raised_at: ColumnType<Date, Date | string | undefined, Date | string>;
  episode_id: string | null;
  hour: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface StixObjectOwnersTable {
  id: string;
  org_id: string | null;
  claimed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface StixObjectsTable {
  id: string;
  version: string;
  modified: string | null;
  type: string;
  spec_version: Generated<string>;
  object: ColumnType<unknown, string, string>;
  date_added: ColumnType<Date, Date | string | undefined, Date | string>;
  owner_org_id: string | null;
  tlp: string | null;
  search_folded: Generated<string>;
  is_latest: Generated<boolean>;
  added_by_org_id: string | null;
  granular_tlp: string | null;
  exercise_id: string | null;
}

export interface SupportRequestsTable {
  id: Generated<string>;
  incident_id: string;
  from_org_id: string;
  to_org_id: string;
  message: string;
  status: Generated<string>;
  response: string | null;
  created_by_name: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  responded_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  responded_by_name: string | null;
}

export interface TaxiiCollectionGrantsTable {
  collection_id: string;
  org_id: string;
  can_read: Generated<boolean>;
  can_write: Generated<boolean>;
}

export interface TaxiiCollectionObjectsTable {
  collection_id: string;
  object_id: string;
  version: string;
  date_added: ColumnType<Date, Date | string | undefined, Date | string>;
  seq: Generated<string>;
  is_first: Generated<boolean>;
  is_last: Generated<boolean>;
}

export interface TaxiiCollectionsTable {
  id: Generated<string>;
  alias: string | null;
  title: string;
  description: string | null;
  tlp_ceiling: Generated<string>;
  owner_org_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TaxiiStatusTable {
  id: Generated<string>;
  collection_id: string;
  org_id: string | null;
  status: string;
  request_timestamp: ColumnType<Date, Date | string | undefined, Date | string>;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: ColumnType<unknown, string | undefined, string>;
  failures: ColumnType<unknown, string | undefined, string>;
  pendings: ColumnType<unknown, string | undefined, string>;
}

export interface UserIdentitiesTable {
  provider_id: string;
  subject: string;
  user_id: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_sign_in_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface UserMailPreferencesTable {
  user_id: string;
  warning_min_severity: number | null;
  warning_reminders: Generated<boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  org_id: string;
  role: string;
  password_hash: string;
  status: Generated<string>;
  locale: Generated<string>;
  last_login_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WarningDeliveriesTable {
  id: Generated<string>;
  warning_id: string;
  org_id: string;
  channel: string;
  target: string;
  purpose: Generated<string>;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  delivered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WarningPoliciesTable {
  id: Generated<string>;
  min_severity: number;
  sector_code: string | null;
  auto_issue: Generated<boolean>;
}

export interface WarningRecipientsTable {
  warning_id: string;
  org_id: string;
  read_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  acked_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  acked_by: string | null;
  reminders: Generated<number>;
  last_reminded_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface WarningWebhooksTable {
  id: Generated<string>;
  org_id: string;
  url: string;
  secret: string;
  enabled: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  exercises: Generated<boolean>;
}

export interface WarningsTable {
  id: Generated<string>;
  author_org_id: string;
  status: Generated<string>;
  origin: Generated<string>;
  campaign_id: string | null;
  surge_key: string | null;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  severity: number;
  tlp: Generated<string>;
  targeting: ColumnType<unknown, string | undefined, string>;
  actions: ColumnType<unknown, string | undefined, string>;
  indicators: ColumnType<unknown, string | undefined, string>;
  cves: ColumnType<unknown, string | undefined, string>;
  valid_from: ColumnType<Date | null, Date | string | null, Date | string | null>;
  valid_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  issued_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  issued_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  status_reason: string | null;
  revisions: ColumnType<unknown, string | undefined, string>;
  references: ColumnType<unknown, string | undefined, string>;
  exercise_id: string | null;
}

/** Every table, as the migrations make it. */
export interface GeneratedDB {
  alert_batch_items: AlertBatchItemsTable;
  alert_sources: AlertSourcesTable;
  alerts: AlertsTable;
  api_keys: ApiKeysTable;
  assessment_answers: AssessmentAnswersTable;
  assessment_campaigns: AssessmentCampaignsTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_level_tallies: AssessmentLevelTalliesTable;
  assessment_org_requirement_counts: AssessmentOrgRequirementCountsTable;
  assessment_org_tallies: AssessmentOrgTalliesTable;
  assessment_reminders: AssessmentRemindersTable;
  assessment_requirement_counts: AssessmentRequirementCountsTable;
  assessment_tasks: AssessmentTasksTable;
  assessment_versions: AssessmentVersionsTable;
  assets: AssetsTable;
  audit_chain_head: AuditChainHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_log: AuditLogTable;
  auth_throttle: AuthThrottleTable;
  campaign_alerts: CampaignAlertsTable;
  campaign_evidence: CampaignEvidenceTable;
  campaign_history: CampaignHistoryTable;
  campaign_links: CampaignLinksTable;
  campaign_orgs: CampaignOrgsTable;
  campaigns: CampaignsTable;
  catalogue_requirements: CatalogueRequirementsTable;
  constituency_digests: ConstituencyDigestsTable;
  constituency_mappings: ConstituencyMappingsTable;
  constituency_rows: ConstituencyRowsTable;
  consumer_offsets: ConsumerOffsetsTable;
  exercise_deliveries: ExerciseDeliveriesTable;
  exercise_expectations: ExerciseExpectationsTable;
  exercise_injects: ExerciseInjectsTable;
  exercise_lessons: ExerciseLessonsTable;
  exercise_scenarios: ExerciseScenariosTable;
  exercise_teams: ExerciseTeamsTable;
  exercises: ExercisesTable;
  focal_points: FocalPointsTable;
  identity_providers: IdentityProvidersTable;
  incident_alerts: IncidentAlertsTable;
  incident_attachments: IncidentAttachmentsTable;
  incident_comments: IncidentCommentsTable;
  incident_events: IncidentEventsTable;
  incident_groups: IncidentGroupsTable;
  incident_indicators: IncidentIndicatorsTable;
  incident_observables: IncidentObservablesTable;
  incident_orgs: IncidentOrgsTable;
  incident_regimes: IncidentRegimesTable;
  incident_reminders: IncidentRemindersTable;
  incident_reports: IncidentReportsTable;
  incident_shares: IncidentSharesTable;
  incident_systems: IncidentSystemsTable;
  incident_tasks: IncidentTasksTable;
  incidents: IncidentsTable;
  information_system_assets: InformationSystemAssetsTable;
  information_system_dependencies: InformationSystemDependenciesTable;
  information_system_layers: InformationSystemLayersTable;
  information_systems: InformationSystemsTable;
  intel_feeds: IntelFeedsTable;
  intel_indicator_values: IntelIndicatorValuesTable;
  intel_intake_runs: IntelIntakeRunsTable;
  intel_sightings: IntelSightingsTable;
  known_clients: KnownClientsTable;
  mass_scanners: MassScannersTable;
  oidc_sign_in_states: OidcSignInStatesTable;
  org_links: OrgLinksTable;
  org_sectors: OrgSectorsTable;
  organizations: OrganizationsTable;
  outbox: OutboxTable;
  promotion_counts: PromotionCountsTable;
  promotion_false_positives: PromotionFalsePositivesTable;
  promotion_rules: PromotionRulesTable;
  promotion_suppressions: PromotionSuppressionsTable;
  provinces: ProvincesTable;
  quarantine: QuarantineTable;
  recovery_codes: RecoveryCodesTable;
  reporting_regimes: ReportingRegimesTable;
  requirement_catalogues: RequirementCataloguesTable;
  retention_settings: RetentionSettingsTable;
  schema_migrations: SchemaMigrationsTable;
  second_factors: SecondFactorsTable;
  sectors: SectorsTable;
  sessions: SessionsTable;
  soc_links: SocLinksTable;
  source_minutes: SourceMinutesTable;
  stats_alerts_daily: StatsAlertsDailyTable;
  stats_alerts_hourly: StatsAlertsHourlyTable;
  stats_imported_daily: StatsImportedDailyTable;
  stats_national_daily: StatsNationalDailyTable;
  stats_national_hourly: StatsNationalHourlyTable;
  stats_org_running: StatsOrgRunningTable;
  stats_org_scopes: StatsOrgScopesTable;
  stats_surge_episodes: StatsSurgeEpisodesTable;
  stats_surge_watch: StatsSurgeWatchTable;
  stats_surges: StatsSurgesTable;
  stix_object_owners: StixObjectOwnersTable;
  stix_objects: StixObjectsTable;
  support_requests: SupportRequestsTable;
  taxii_collection_grants: TaxiiCollectionGrantsTable;
  taxii_collection_objects: TaxiiCollectionObjectsTable;
  taxii_collections: TaxiiCollectionsTable;
  taxii_status: TaxiiStatusTable;
  user_identities: UserIdentitiesTable;
  user_mail_preferences: UserMailPreferencesTable;
  users: UsersTable;
  warning_deliveries: WarningDeliveriesTable;
  warning_policies: WarningPoliciesTable;
  warning_recipients: WarningRecipientsTable;
  warning_webhooks: WarningWebhooksTable;
  warnings: WarningsTable;
}
