import { hostname } from 'node:os';
import { USER_ROLES, type Role } from '@lachan/contracts';

/** Failed credential attempts allowed per window before the next ones are refused (docs/adr/0008). */
export interface SignInThrottleConfig {
  /** From one address, whatever the accounts. */
  addressFailures: number;
  /** Against one account from one address. */
  accountFailures: number;
  /** Against one account from anywhere; beyond it, only clients the account knows may still try. */
  unfamiliarFailures: number;
  windowMinutes: number;
}

/** A setting that cannot be used; the process stops with this message (no stack). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Settings read from the environment once at start (all listed in the README). */
export interface Config {
  port: number;
  host: string;
  /** The address clients reach Lachan at (scheme, host, port, optional path; no trailing slash), used in the links it hands out. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  natsUrl: string | undefined;
  /** The JetStream stream of this deployment's events (LACHAN_NATS_STREAM; its subjects are named after it). */
  natsStream: string;
  /** What this process does (`--roles` or LACHAN_ROLES; default all three, one process). */
  roles: ProcessRole[];
  /** This process's name in the cluster (logs, leadership): LACHAN_NODE_NAME, default host and pid. */
  nodeName: string;
  /** Seconds between attempts to take the lead of a worker another node holds (failover bound). */
  leaderCheckSeconds: number;
  /** Print this node's leadership changes even when it runs every role (LACHAN_LOG_LEADERSHIP set). */
  logLeadership: boolean;
  /** Print the errors of exercise rounds, which are otherwise retried silently (EXERCISE_DEBUG set). */
  exerciseDebug: boolean;
  /** Outgoing mail for warning deliveries (SMTP_URL), null: e-mail deliveries fail with the reason. */
  smtpUrl: string | null;
  /** The sender of warning e-mails (SMTP_FROM). */
  smtpFrom: string;
  adminEmail: string;
  adminPassword: string | undefined;
  logLevel: string;
  demoData: boolean;
  cookieSecure: boolean;
  sessionHours: number;
  loginRateLimit: number;
  signInThrottle: SignInThrottleConfig;
  /** Roles whose users must sign in with a TOTP second factor. */
  secondFactorRoles: Role[];
  /** Lowest zxcvbn score (3 or 4) a new password must reach. */
  passwordMinScore: 3 | 4;
  bodyLimitBytes: number;
  trustProxy: boolean;
  webDist: string | null;
  /** Enterprise ATT&CK imported on a start that finds none (the bundle shipped in data/attack/); null: never. */
  attackBundle: string | null;
  /** Where a newer ATT&CK is fetched from, daily, when its host is on LACHAN_INTEL_ALLOWED_HOSTS; null: never. */
  attackFeedUrl: string | null;
  dedupWindowSeconds: number;
  /** Event times older than this many days (live ingest) are taken as the time received in statistics, and flagged. */
  statsMaxEventAgeDays: number;
  /** Event times this far ahead of the time received are taken as the time received in statistics, and flagged. */
  statsClockSkewSeconds: number;
  /** The surge watcher looks at most this often after new alerts are rolled up. */
  surgeCheckSeconds: number;
  /** Campaigns link alerts this many days apart at most; evidence loses half its weight every third of it. */
  campaignWindowDays: number;
  /**
   * A new campaign stays provisional (not published) until its evidence holds: published at once when the
   * base rates are warm (this many active organisations, seconds of window data, organisations reporting
   * each feature type) and it links `campaignStrongOrgs` organisations by two kinds of evidence or by
   * concentrated victims; else once warm and held `campaignHoldRounds` rounds and `campaignHoldSeconds`;
   * else after `campaignMaxHoldSeconds` whatever the base rates. All zero: published when found.
   */
  campaignWarmOrgs: number;
  campaignWarmSeconds: number;
  campaignWarmObservers: number;
  campaignStrongOrgs: number;
  campaignHoldRounds: number;
  campaignHoldSeconds: number;
  campaignMaxHoldSeconds: number;
  ingestBodyLimitBytes: number;
  /** Directory under which intel feeds may be read from local disk (offline use); null refuses local feeds. */
  intelFeedRoot: string | null;
  /** Hosts remote intel feeds and TAXII sources may be fetched from (exact name or `*.suffix`); empty refuses remote feeds. */
  intelAllowedHosts: string[];
  /** Key sealing stored TAXII source credentials (AES-256-GCM); null stores them unsealed (never returned either way). */
  intelCredentialsKey: string | null;
  /** Key sealing stored identity-provider client secrets (AES-256-GCM, LACHAN_IDP_SECRETS_KEY); null stores them unsealed (never returned either way). */
  idpSecretsKey: string | null;
  /** Key sealing users' TOTP secrets (AES-256-GCM, LACHAN_TOTP_SECRETS_KEY); null: one generated into the data directory. */
  totpSecretsKey: string | null;
  /** Directory of MISP warninglist files (`*.json`) suppressing known-benign indicator values; null keeps only the reserved ranges. */
  intelWarninglistsDir: string | null;
  /** The CSAF publisher namespace (`document.publisher.namespace`): the trusted domain of the issuing centre. */
  csafPublisherNamespace: string;
  /** Hosts (`host`, `*.suffix`), addresses or networks (CIDR) warning webhooks may reach although internal. */
  webhookAllowedHosts: string[];
  ingestMaxRunning: number;
  ingestMaxQueued: number;
  syslogUdpPort: number | null;
  syslogTcpPort: number | null;
  syslogHost: string;
  /** Ed25519 seed (32 bytes, base64) signing audit checkpoints; null generates one into the data directory. */
  auditSigningKey: string | null;
  /** Public keys (base64) of earlier signing keys whose checkpoints still verify (key rotation). */
  auditTrustedKeys: string[];
  /** Seconds between audit checkpoints (written only when the chain moved). */
  auditCheckpointSeconds: number;
  /** File each checkpoint is also appended to as a JSON line (a copy outside the database); null: none. */
  auditCheckpointFile: string | null;
}

const bool = (v: string | undefined, fallback: boolean) => (v === undefined || v === '' ? fallback : /^(1|true|yes|on)$/i.test(v));
const int = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) ? n : fallback;
};

/** What a server process does: serve the API and console, receive alerts, run the background workers. */
export const PROCESS_ROLES = ['api', 'ingest', 'workers'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** `api,ingest,workers` (any subset, any order); empty or unset: all three, as one process. */
export function processRolesOf(value: string | undefined): ProcessRole[] {
  const names = (value ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
  if (names.length === 0) return [...PROCESS_ROLES];
  const unknown = names.filter((r) => !(PROCESS_ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new ConfigError(`unknown process roles: ${unknown.join(', ')} (roles: ${PROCESS_ROLES.join(', ')})`);
  return PROCESS_ROLES.filter((r) => names.includes(r));
}

function natsStreamOf(v: string | undefined): string {
  if (v === undefined || v === '') return 'LACHAN_EVENTS';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(v)) throw new ConfigError('LACHAN_NATS_STREAM must be 1 to 64 letters, digits, "_" or "-"');
  return v;
}

/** The roles of LACHAN_SECOND_FACTOR_ROLES; empty turns the requirement off. */
function rolesOf(v: string | undefined): Role[] {
  const names = (v ?? 'national_coordinator,org_admin').split(',').map((r) => r.trim()).filter((r) => r !== '');
  const unknown = names.filter((r) => !(USER_ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new ConfigError(`LACHAN_SECOND_FACTOR_ROLES names unknown roles: ${unknown.join(', ')} (roles: ${USER_ROLES.join(', ')})`);
  return [...new Set(names)] as Role[];
}

function minScoreOf(v: string | undefined): 3 | 4 {
  if (v === undefined || v === '') return 4;
  if (v === '3' || v === '4') return Number(v) as 3 | 4;
  throw new ConfigError('LACHAN_PASSWORD_MIN_SCORE must be 3 or 4');
}

/**
 * `LACHAN_PUBLIC_URL` checked and normalised (no trailing slash); unset, the local address of the
 * port. Never taken from a request's Host header, which the client chooses.
 */
export function publicUrlOf(value: string | undefined, port: number): string {
  if (value === undefined || value.trim() === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`LACHAN_PUBLIC_URL must be an http(s) URL such as https://lachan.example.gov.vn, got "${value}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`LACHAN_PUBLIC_URL must be an http(s) URL without credentials, query or fragment, got "${value}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `LACHAN_CSAF_PUBLISHER_NAMESPACE` checked (an http(s) URL, CSAF §3.2.1.8.3); unset, the public URL. */
export function csafNamespaceOf(value: string | undefined, publicUrl: string): string {
  if (value === undefined || value.trim() === '') return publicUrl;
  let url: URL | null = null;
  try {
    url = new URL(value.trim());
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new ConfigError(`LACHAN_CSAF_PUBLISHER_NAMESPACE must be an http(s) URL such as https://vncert.gov.vn, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Reads the configuration; anything absent falls back to a default that works on one machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 8080);
  const publicUrl = publicUrlOf(env.LACHAN_PUBLIC_URL, port);
  return {
    port,
    publicUrl,
    csafPublisherNamespace: csafNamespaceOf(env.LACHAN_CSAF_PUBLISHER_NAMESPACE, publicUrl),
    host: env.HOST || '0.0.0.0',
    dataDir: env.LACHAN_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    natsUrl: env.NATS_URL || undefined,
    natsStream: natsStreamOf(env.LACHAN_NATS_STREAM),
    roles: processRolesOf(env.LACHAN_ROLES),
    nodeName: env.LACHAN_NODE_NAME || `${hostname()}-${process.pid}`,
    leaderCheckSeconds: Math.max(0.2, int(env.LACHAN_LEADER_CHECK_SECONDS, 2)),
    logLeadership: Boolean(env.LACHAN_LOG_LEADERSHIP),
    exerciseDebug: Boolean(env.EXERCISE_DEBUG),
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM || 'canhbao@lachan.local',
    adminEmail: env.LACHAN_ADMIN_EMAIL || 'admin@lachan.local',
    adminPassword: env.LACHAN_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    demoData: bool(env.LACHAN_DEMO_DATA, true),
    cookieSecure: bool(env.LACHAN_COOKIE_SECURE, false),
    sessionHours: int(env.LACHAN_SESSION_HOURS, 12),
    loginRateLimit: int(env.LACHAN_LOGIN_RATE_LIMIT, 10),
    signInThrottle: {
      addressFailures: Math.max(1, int(env.LACHAN_SIGNIN_ADDRESS_FAILURES, 30)),
      accountFailures: Math.max(1, int(env.LACHAN_SIGNIN_ACCOUNT_FAILURES, 5)),
      unfamiliarFailures: Math.max(1, int(env.LACHAN_SIGNIN_UNFAMILIAR_FAILURES, 20)),
      windowMinutes: Math.max(1, int(env.LACHAN_SIGNIN_WINDOW_MINUTES, 15)),
    },
    secondFactorRoles: rolesOf(env.LACHAN_SECOND_FACTOR_ROLES),
    passwordMinScore: minScoreOf(env.LACHAN_PASSWORD_MIN_SCORE),
    bodyLimitBytes: int(env.LACHAN_BODY_LIMIT_BYTES, 1_048_576),
    trustProxy: bool(env.LACHAN_TRUST_PROXY, false),
    dedupWindowSeconds: int(env.LACHAN_DEDUP_WINDOW_SECONDS, 3600),
    statsMaxEventAgeDays: int(env.LACHAN_STATS_MAX_EVENT_AGE_DAYS, 30),
    statsClockSkewSeconds: int(env.LACHAN_STATS_CLOCK_SKEW_SECONDS, 600),
    surgeCheckSeconds: int(env.LACHAN_SURGE_CHECK_SECONDS, 60),
    campaignWindowDays: int(env.LACHAN_CAMPAIGN_WINDOW_DAYS, 14),
    campaignWarmOrgs: int(env.LACHAN_CAMPAIGN_WARM_ORGS, 8),
    campaignWarmSeconds: int(env.LACHAN_CAMPAIGN_WARM_SECONDS, 30),
    campaignWarmObservers: int(env.LACHAN_CAMPAIGN_WARM_OBSERVERS, 3),
    campaignStrongOrgs: int(env.LACHAN_CAMPAIGN_STRONG_ORGS, 3),
    campaignHoldRounds: int(env.LACHAN_CAMPAIGN_HOLD_ROUNDS, 3),
    campaignHoldSeconds: int(env.LACHAN_CAMPAIGN_HOLD_SECONDS, 5),
    campaignMaxHoldSeconds: int(env.LACHAN_CAMPAIGN_MAX_HOLD_SECONDS, 60),
    ingestBodyLimitBytes: int(env.LACHAN_INGEST_BODY_LIMIT_BYTES, 33_554_432),
    intelFeedRoot: env.LACHAN_INTEL_FEED_ROOT ?? null,
    intelAllowedHosts: (env.LACHAN_INTEL_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    intelCredentialsKey: env.LACHAN_INTEL_CREDENTIALS_KEY || null,
    idpSecretsKey: env.LACHAN_IDP_SECRETS_KEY || null,
    totpSecretsKey: env.LACHAN_TOTP_SECRETS_KEY || null,
    intelWarninglistsDir: env.LACHAN_INTEL_WARNINGLISTS_DIR || null,
    webhookAllowedHosts: (env.LACHAN_WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    ingestMaxRunning: int(env.LACHAN_INGEST_MAX_RUNNING, 4),
    ingestMaxQueued: int(env.LACHAN_INGEST_MAX_QUEUED, 64),
    syslogUdpPort: env.LACHAN_SYSLOG_UDP_PORT ? int(env.LACHAN_SYSLOG_UDP_PORT, 0) : null,
    syslogTcpPort: env.LACHAN_SYSLOG_TCP_PORT ? int(env.LACHAN_SYSLOG_TCP_PORT, 0) : null,
    syslogHost: env.LACHAN_SYSLOG_HOST || '0.0.0.0',
    auditSigningKey: env.LACHAN_AUDIT_SIGNING_KEY || null,
    auditTrustedKeys: (env.LACHAN_AUDIT_TRUSTED_KEYS ?? '').split(',').map((k) => k.trim()).filter((k) => k !== ''),
    auditCheckpointSeconds: int(env.LACHAN_AUDIT_CHECKPOINT_SECONDS, 300),
    auditCheckpointFile: env.LACHAN_AUDIT_CHECKPOINT_FILE || null,
    webDist: env.LACHAN_WEB_DIST === '' ? null : (env.LACHAN_WEB_DIST ?? new URL('../../web/dist/', import.meta.url).pathname),
    attackBundle: env.LACHAN_ATTACK_BUNDLE === '' ? null : (env.LACHAN_ATTACK_BUNDLE ?? new URL('../data/attack/enterprise-attack-18.1.json.gz', import.meta.url).pathname),
    attackFeedUrl: env.LACHAN_ATTACK_FEED_URL === '' ? null : (env.LACHAN_ATTACK_FEED_URL ?? 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json'),
  };
}
