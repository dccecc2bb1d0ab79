import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables, as Kysely sees them (snake_case, as stored). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProvincesTable {
  code: string;
  name_vi: string;
  name_en: string;
  type: 'province' | 'city';
  formed_from: Json;
  seat: string | null;
  display_order: number;
  effective_from: Generated<Date>;
}

export interface SectorsTable {
  code: string;
  name_vi: string;
  name_en: string;
  statutory: Generated<boolean>;
  active: Generated<boolean>;
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
  status: Generated<'active' | 'retired' | 'merged'>;
  merged_into_id: string | null;
  security_level: number | null;
  website: string | null;
  incident_reception_email: string | null;
  address: string | null;
  demo_key: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  retired_at: Timestamp | null;
}

export interface OrgSectorsTable {
  org_id: string;
  sector_code: string;
}

export interface FocalPointsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  position: string;
  phone: string;
  email: string;
  available_247: boolean;
  is_primary: boolean;
  sort: number;
}

export interface SocLinksTable {
  provider_id: string;
  client_id: string;
  services: string[];
  since: ColumnType<Date, string | undefined, string>;
  created_at: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  org_id: string;
  role: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  locale: Generated<'vi' | 'en'>;
  last_login_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  stage: Generated<'complete' | 'second_factor'>;
  public_id: Generated<string>;
  /** How the session was opened: a password (and maybe a code), or an OpenID provider that vouches for the second factor. */
  sign_in_method: Generated<'password' | 'oidc'>;
}

export interface RetentionSettingsTable {
  id: Generated<boolean>;
  alert_days: number | null;
  quarantine_days: number | null;
  updated_at: GeneratedTimestamp;
  updated_by: string | null;
}

export interface UserMailPreferencesTable {
  user_id: string;
  warning_min_severity: number | null;
  warning_reminders: boolean;
  updated_at: GeneratedTimestamp;
}

export interface AuthThrottleTable {
  scope: 'address' | 'account_address' | 'account';
  account: Generated<string>;
  address: Generated<string>;
  failures: number;
  window_start: Timestamp;
  blocked_until: Timestamp | null;
}

export interface KnownClientsTable {
  user_id: string;
  kind: 'address' | 'device';
  value: string;
  last_seen_at: GeneratedTimestamp;
}

export interface SecondFactorsTable {
  user_id: string;
  secret: string;
  enabled_at: Timestamp | null;
  last_step: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: GeneratedTimestamp;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  org_id: string;
  role: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: ColumnType<string, string, never>;
  at: Timestamp;
  actor_type: 'user' | 'apikey' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  org_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** One row: the newest link's id and hash, moved by the database with every append (migration 0022). */
export interface AuditChainHeadTable {
  singleton: ColumnType<boolean, never, never>;
  last_id: string;
  hash: string;
  gapless_after: ColumnType<string, never, never>;
}

/** Signed checkpoints of the chain head; append-only. */
export interface AuditCheckpointsTable {
  id: ColumnType<string, never, never>;
  last_id: string;
  hash: string;
  at: Timestamp;
  key_id: string;
  signature: string;
}

export interface OutboxTable {
  id: ColumnType<string, never, never>;
  type: string;
  audience: Json;
  payload: Json;
  created_at: GeneratedTimestamp;
}

export interface AlertSourcesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  format: string;
  api_key_id: string | null;
  syslog_address: string | null;
  created_at: GeneratedTimestamp;
  last_seen_at: Timestamp | null;
  accepted: Generated<string>;
  duplicates: Generated<string>;
  rejected: Generated<string>;
}

export interface AssetsTable {
  id: Generated<string>;
  org_id: string;
  kind: 'cidr' | 'domain' | 'hostname';
  value: string;
  description: string | null;
  created_at: GeneratedTimestamp;
}

export interface AlertsTable {
  id: ColumnType<string, never, never>;
  day: ColumnType<Date, string, string>;
  fingerprint: string;
  org_id: string;
  reporter_org_id: string;
  source_id: string | null;
  attributed: boolean;
  format: string;
  source_ref: string | null;
  event_time: Timestamp;
  received_at: Timestamp;
  first_seen: Timestamp;
  last_seen: Timestamp;
  occurrences: number;
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
  attack: string[];
  src_ip: string | null;
  src_port: number | null;
  dst_ip: string | null;
  dst_port: number | null;
  protocol: string | null;
  asset_hostname: string | null;
  asset_ip: string | null;
  observables: Json;
  tags: string[];
  sectors: string[];
  province_code: string | null;
  raw: string;
  batch_id: string;
  last_batch: string;
  batch_occurrences: Generated<number>;
  indicator_matches: Generated<Json>;
  /** The latest repeat's raw record (raw keeps the first); null while there is none. */
  raw_last: string | null;
}

export interface QuarantineTable {
  id: ColumnType<string, never, never>;
  received_at: GeneratedTimestamp;
  org_id: string;
  source_id: string | null;
  format: string;
  code: string;
  message: string;
  raw: string;
  attempts: Generated<number>;
  replayed_at: Timestamp | null;
  alert_day: ColumnType<Date | null, string | null, string | null>;
  alert_id: string | null;
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
  first_alert_at: Timestamp | null;
  last_alert_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface IncidentAlertsTable {
  incident_id: string;
  alert_day: ColumnType<Date, string, string>;
  alert_id: string;
}

export interface PromotionRulesTable {
  id: Generated<string>;
  org_id: string | null;
  name: string;
  enabled: Generated<boolean>;
  conditions: Json;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ConsumerOffsetsTable {
  name: string;
  last_id: string;
  updated_at: GeneratedTimestamp;
}

export interface DB {
  provinces: ProvincesTable;
  sectors: SectorsTable;
  organizations: OrganizationsTable;
  org_sectors: OrgSectorsTable;
  focal_points: FocalPointsTable;
  soc_links: SocLinksTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_mail_preferences: UserMailPreferencesTable;
  retention_settings: RetentionSettingsTable;
  api_keys: ApiKeysTable;
  auth_throttle: AuthThrottleTable;
  known_clients: KnownClientsTable;
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  outbox: OutboxTable;
  alert_sources: AlertSourcesTable;
  assets: AssetsTable;
  alerts: AlertsTable;
  quarantine: QuarantineTable;
  incidents: IncidentsTable;
  incident_alerts: IncidentAlertsTable;
  promotion_rules: PromotionRulesTable;
  consumer_offsets: ConsumerOffsetsTable;
}
