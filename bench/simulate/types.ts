import type { AlertFormat, OrgKind } from '@lachan/contracts';
import type { Rng } from './rng.ts';

export type Format = AlertFormat;
export const FORMATS: readonly Format[] = ['wazuh', 'suricata', 'ecs', 'cef', 'syslog', 'lachan'];
/** Formats sent as NDJSON; the others are text lines. */
export const JSON_FORMATS: ReadonlySet<Format> = new Set(['lachan', 'ecs', 'wazuh', 'suricata']);

/** The fictional assets the simulator registers for one organisation (and aims its traffic at). */
export interface OrgAssets {
  orgId: string;
  name: string;
  kind: OrgKind;
  /** Position of the organisation in the whole directory sorted by name (drives the address range). */
  index: number;
  slug: string;
  /** First three octets of its /24, e.g. `10.64.17`. */
  net: string;
  cidr: string;
  domain: string;
  /** Two host names: the public web server and the domain controller. */
  hosts: readonly [string, string];
  /** Sectors and province of the organisation (campaign and surge injection pick victims by them). */
  sectors?: readonly string[];
  provinceCode?: string | null;
}

/** Everything a generator needs to write one record. */
export interface GenContext {
  rng: Rng;
  /** Wall clock of the record (epoch ms); the event time is a little before it. */
  now: number;
  /** Whose assets the alert names (the reporter itself, or a client of a SOC provider). */
  victim: OrgAssets;
  /** Who sends (names the sensor / manager). */
  reporter: OrgAssets;
  /** Per-connector sequence number, for record ids. */
  seq: number;
}

/** Writes one record: a JSON object on one line, or one CEF / syslog line. */
export type Generator = (ctx: GenContext) => string;

/** How a record came to be in a batch. */
export type RecordKind = 'valid' | 'malformed' | 'repeat';

export interface SimulationOptions {
  /** Base URL of a running server on this machine, e.g. `http://127.0.0.1:8080`. */
  url: string;
  orgs: number;
  /** Alerts per second, all organisations and formats together. */
  rate: number;
  /** Seconds of traffic. */
  duration: number;
  email: string;
  /** Administrator password; when absent, read from `<LACHAN_DATA_DIR or ./data>/initial-admin-password`. */
  password?: string;
  /** The administrator's second-factor code, when the account has one. */
  otp?: string;
  batch: number;
  malformed: number;
  repeat: number;
  seed: number;
  gzip: boolean;
  formats: readonly Format[];
  quiet: boolean;
  /** Requests in flight at most (default 8). */
  concurrency?: number;
  /** Seconds allowed after the traffic ends for the last batches (default 60). */
  drainSeconds?: number;
  /** Revoke the simulator's API keys at the end. */
  revokeKeys?: boolean;
  /** Labelled campaigns to inject into the traffic (default 0). */
  campaigns?: number;
  /** Sector whose organisations get a surge of ransomware alerts. */
  surge?: string;
  /** Alerts of the surge (default 300). */
  surgeAlerts?: number;
  /** Where progress lines go (default console.log; nothing when quiet). */
  log?: (line: string) => void;
}

export interface FormatStats {
  format: Format;
  connectors: number;
  /** Records put in requests (each once, however often its batch was retried). */
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  malformedSent: number;
  repeatsSent: number;
  /** Valid records the server rejected (a generator or parser problem). */
  validRejected: number;
  /** Malformed records the server did not reject. */
  malformedAccepted: number;
  requests: number;
  retries: number;
  /** Records whose batch never got a 202. */
  failedRecords: number;
}

export interface SimulationReport {
  ok: boolean;
  url: string;
  seed: number;
  orgs: { reporters: number; socProviders: number; withAssets: number; keys: number; assetsCreated: number; assetsExisting: number; assetConflicts: number };
  targetRate: number;
  durationSeconds: number;
  /** Seconds from the first request to the last answer. */
  elapsedSeconds: number;
  /** Records answered 202 per second of traffic time. */
  achievedRate: number;
  /** Records not generated because the server fell behind (the rate then drops). */
  skipped: number;
  formats: FormatStats[];
  totals: Omit<FormatStats, 'format' | 'connectors'> & { connectors: number };
  requests: { total: number; ok: number; retries: number; failed: number; unsent: number; httpErrors: Record<string, number> };
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Labelled campaigns and surge injected, and which campaigns the server detected. */
  injected?: InjectionReport;
  /** Incidents promotion opened during the run, against the groups of the traffic. */
  incidents?: IncidentFigure;
  /** A few server answers worth reading (unexpected rejections, HTTP errors). */
  samples: string[];
}

/** The labels of what was injected and, per campaign, whether the server linked it. */
export interface InjectionReport {
  campaigns: { label: string; group: string; orgs: string[]; network: string; domain: string; techniques: string[]; alerts: number; detected: boolean; serverCampaignId: string | null;
    /** Active server campaigns holding its infrastructure (target 1), and their proposed or issued warnings (target 1). */
    serverCampaigns: number; proposals: number }[];
  /** Every active campaign on the server at the end, and every proposal of campaign origin (target: one each per injected campaign). */
  activeCampaigns: number;
  campaignProposals: number;
  /**
   * Churn during the run: campaigns the server published, those of them retracted or merged away by the
   * end, and campaign proposals discarded. Each was announced before it went; target: each at most the
   * number injected.
   */
  churn: { created: number; retracted: number; merged: number; proposalsDiscarded: number };
  surge: { label: string; sector: string; orgs: number; alerts: number } | null;
  /** Injected campaigns the server detected, over all injected. */
  recall: number | null;
}

/** Incidents opened from the run's alerts, against the distinct (organisation, signature, attacker) groups of what was sent. */
export interface IncidentFigure {
  /** Incidents opened by promotion rules since the run started. */
  incidents: number;
  /** The same, per promotion rule name. */
  byRule: Record<string, number>;
  /** Distinct titles among them (identical titles tell incidents apart badly). */
  distinctTitles: number;
  /** Alerts stored from the run (repeats folded) and the critical ones among them. */
  alerts: number;
  criticalAlerts: number;
  /** Distinct (organisation, signature, attacker) groups of the critical alerts, and of all alerts. */
  groups: number;
  allGroups: number;
  /** Incidents per critical group (target: at most 2). */
  ratio: number | null;
}
