/** Settings read from the environment once at start (all listed in the README). */
export interface Config {
  port: number;
  host: string;
  /** The address clients reach Lachan at (scheme, host, port, optional path; no trailing slash), used in the links it hands out. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  natsUrl: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  logLevel: string;
  demoData: boolean;
  cookieSecure: boolean;
  sessionHours: number;
  loginRateLimit: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  webDist: string | null;
  dedupWindowSeconds: number;
  ingestBodyLimitBytes: number;
  /** Directory under which intel feeds may be read from local disk (offline use); null refuses local feeds. */
  intelFeedRoot: string | null;
  /** Hosts remote intel feeds and TAXII sources may be fetched from (exact name or `*.suffix`); empty refuses remote feeds. */
  intelAllowedHosts: string[];
  /** Key sealing stored TAXII source credentials (AES-256-GCM); null stores them unsealed (never returned either way). */
  intelCredentialsKey: string | null;
  /** Directory of MISP warninglist files (`*.json`) suppressing known-benign indicator values; null keeps only the reserved ranges. */
  intelWarninglistsDir: string | null;
  /** Hosts (`host`, `*.suffix`), addresses or networks (CIDR) warning webhooks may reach although internal. */
  webhookAllowedHosts: string[];
  ingestMaxRunning: number;
  ingestMaxQueued: number;
  syslogUdpPort: number | null;
  syslogTcpPort: number | null;
  syslogHost: string;
}

const bool = (v: string | undefined, fallback: boolean) => (v === undefined || v === '' ? fallback : /^(1|true|yes|on)$/i.test(v));
const int = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) ? n : fallback;
};

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
    throw new Error(`LACHAN_PUBLIC_URL must be an http(s) URL such as https://lachan.example.gov.vn, got "${value}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new Error(`LACHAN_PUBLIC_URL must be an http(s) URL without credentials, query or fragment, got "${value}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Reads the configuration; anything absent falls back to a default that works on one machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 8080);
  return {
    port,
    publicUrl: publicUrlOf(env.LACHAN_PUBLIC_URL, port),
    host: env.HOST || '0.0.0.0',
    dataDir: env.LACHAN_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    natsUrl: env.NATS_URL || undefined,
    adminEmail: env.LACHAN_ADMIN_EMAIL || 'admin@lachan.local',
    adminPassword: env.LACHAN_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    demoData: bool(env.LACHAN_DEMO_DATA, true),
    cookieSecure: bool(env.LACHAN_COOKIE_SECURE, false),
    sessionHours: int(env.LACHAN_SESSION_HOURS, 12),
    loginRateLimit: int(env.LACHAN_LOGIN_RATE_LIMIT, 10),
    bodyLimitBytes: int(env.LACHAN_BODY_LIMIT_BYTES, 1_048_576),
    trustProxy: bool(env.LACHAN_TRUST_PROXY, false),
    dedupWindowSeconds: int(env.LACHAN_DEDUP_WINDOW_SECONDS, 3600),
    ingestBodyLimitBytes: int(env.LACHAN_INGEST_BODY_LIMIT_BYTES, 33_554_432),
    intelFeedRoot: env.LACHAN_INTEL_FEED_ROOT ?? null,
    intelAllowedHosts: (env.LACHAN_INTEL_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    intelCredentialsKey: env.LACHAN_INTEL_CREDENTIALS_KEY || null,
    intelWarninglistsDir: env.LACHAN_INTEL_WARNINGLISTS_DIR || null,
    webhookAllowedHosts: (env.LACHAN_WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    ingestMaxRunning: int(env.LACHAN_INGEST_MAX_RUNNING, 2),
    ingestMaxQueued: int(env.LACHAN_INGEST_MAX_QUEUED, 64),
    syslogUdpPort: env.LACHAN_SYSLOG_UDP_PORT ? int(env.LACHAN_SYSLOG_UDP_PORT, 0) : null,
    syslogTcpPort: env.LACHAN_SYSLOG_TCP_PORT ? int(env.LACHAN_SYSLOG_TCP_PORT, 0) : null,
    syslogHost: env.LACHAN_SYSLOG_HOST || '0.0.0.0',
    webDist: env.LACHAN_WEB_DIST === '' ? null : (env.LACHAN_WEB_DIST ?? new URL('../../web/dist/', import.meta.url).pathname),
  };
}
