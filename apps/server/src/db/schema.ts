import type { ColumnType, Generated, SelectType } from 'kysely';
import type { GeneratedDB } from './schema.generated.ts';

/**
 * Row types of the tables the code narrows further than the migrations say (a CHECK's values as a
 * union, say), as Kysely sees them (snake_case, as stored); every other table is typed by
 * `schema.generated.ts`, generated from the migrations. `RefinedTablesMatchMigrations` keeps these in step.
 */
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

export interface AssetsTable {
  id: Generated<string>;
  org_id: string;
  kind: 'cidr' | 'domain' | 'hostname';
  value: string;
  description: string | null;
  created_at: GeneratedTimestamp;
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

export interface IncidentAlertsTable {
  incident_id: string;
  alert_day: ColumnType<Date, string, string>;
  alert_id: string;
}

export interface ConsumerOffsetsTable {
  name: string;
  last_id: string;
  updated_at: GeneratedTimestamp;
}

interface RefinedTables {
  provinces: ProvincesTable;
  organizations: OrganizationsTable;
  focal_points: FocalPointsTable;
  soc_links: SocLinksTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_mail_preferences: UserMailPreferencesTable;
  auth_throttle: AuthThrottleTable;
  known_clients: KnownClientsTable;
  second_factors: SecondFactorsTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  outbox: OutboxTable;
  assets: AssetsTable;
  quarantine: QuarantineTable;
  incident_alerts: IncidentAlertsTable;
  consumer_offsets: ConsumerOffsetsTable;
}

/** The database as Kysely types it: every table generated from the migrations, the refined ones narrowed. */
export type DB = Omit<GeneratedDB, keyof RefinedTables> & RefinedTables;

/** The columns where a refined table leaves the migrations: missing, extra, or read as a type the column cannot hold. */
type Drift<Refined, Migrated> = {
  [K in keyof Refined | keyof Migrated]: K extends keyof Refined
    ? K extends keyof Migrated ? ([SelectType<Refined[K]>] extends [SelectType<Migrated[K]>] ? never : K) : K
    : K;
}[keyof Refined | keyof Migrated];

/** Fails the type check, naming the columns, when a refined table no longer matches the migrations. */
export type RefinedTablesMatchMigrations = Expect<{ [T in keyof RefinedTables]: Drift<RefinedTables[T], GeneratedDB[T]> }>;
type Expect<T extends { [K in keyof RefinedTables]: never }> = T;
