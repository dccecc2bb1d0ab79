import { Type, type Static } from 'typebox';


/** Alert formats accepted at `POST /api/v1/ingest/{format}`. */
export const ALERT_FORMATS = ['lachan', 'ecs', 'wazuh', 'suricata', 'cef', 'syslog'] as const;
export type AlertFormat = (typeof ALERT_FORMATS)[number];
export const AlertFormatSchema = Type.Enum([...ALERT_FORMATS]);
/**
 * Formats an alert may be stored in: those of the ingest route, plus `constituency` (rows of reports
 * about the constituency, sent to `POST /api/v1/constituency/reports/{feed}`).
 */
export const STORED_ALERT_FORMATS = [...ALERT_FORMATS, 'constituency'] as const;
export type StoredAlertFormat = (typeof STORED_ALERT_FORMATS)[number];
export const StoredAlertFormatSchema = Type.Enum([...STORED_ALERT_FORMATS]);

/** The one severity scale: 1 low, 2 medium, 3 high, 4 critical (each format's own scale is kept too). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type SeverityLevel = 1 | 2 | 3 | 4;

export const OBSERVABLE_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email', 'user', 'hostname'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

export const Observable = Type.Object({
  type: Type.Enum([...OBSERVABLE_TYPES]),
  value: Type.String({ minLength: 1, maxLength: 2048 }),
  role: Type.Optional(Type.Enum(['src', 'dst', 'related'])),
});
export type Observable = Static<typeof Observable>;

/**
 * One alert after parsing and normalisation, whatever its format. Produced by `@lachan/parsers`,
 * completed by the server (organisation, attribution, fingerprint) and stored.
 */
export interface NormalizedAlert {
  format: StoredAlertFormat;
  /** When it happened (ISO 8601, UTC); null when the record does not say. */
  eventTime: string | null;
  /** The alert's id in the source system (dedup key part), e.g. Wazuh `id`, ECS `event.id`. */
  sourceRef: string | null;
  title: string;
  description: string | null;
  vendor: string | null;
  product: string | null;
  ruleId: string | null;
  ruleName: string | null;
  severity: SeverityLevel;
  /** The source's own severity, as written (e.g. Wazuh level "10", CEF "Very-High"). */
  sourceSeverity: string | null;
  rsitClass: string | null;
  rsitType: string | null;
  attackTechniques: string[];
  srcIp: string | null;
  srcPort: number | null;
  dstIp: string | null;
  dstPort: number | null;
  protocol: string | null;
  /** The affected system as the record names it. */
  assetHostname: string | null;
  assetIp: string | null;
  observables: Observable[];
  tags: string[];
  /**
   * What tells two events of one rule apart besides their observables (a file path, a process, its
   * command line): part of the dedup fingerprint so that different events never fold into one row.
   * Not stored; absent when the record names none.
   */
  eventKey?: string[];
}

/** Lachan's own alert JSON (format `lachan`), for connectors written against the platform. */
export const LachanAlertInput = Type.Object({
  time: Type.Optional(Type.String({ format: 'date-time' })),
  sourceRef: Type.Optional(Type.String({ maxLength: 256 })),
  title: Type.String({ minLength: 1, maxLength: 512 }),
  description: Type.Optional(Type.String({ maxLength: 65536 })),
  severity: Type.Union([Type.Enum([...SEVERITIES]), Type.Integer({ minimum: 1, maximum: 4 })]),
  vendor: Type.Optional(Type.String({ maxLength: 128 })),
  product: Type.Optional(Type.String({ maxLength: 128 })),
  rule: Type.Optional(Type.Object({ id: Type.Optional(Type.String({ maxLength: 256 })), name: Type.Optional(Type.String({ maxLength: 512 })) })),
  rsit: Type.Optional(Type.Object({ class: Type.String(), type: Type.Optional(Type.String()) })),
  attack: Type.Optional(Type.Array(Type.String({ pattern: '^T[0-9]{4}(\\.[0-9]{3})?$' }), { maxItems: 50 })),
  src: Type.Optional(Type.Object({ ip: Type.Optional(Type.String()), port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })) })),
  dst: Type.Optional(Type.Object({ ip: Type.Optional(Type.String()), port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })) })),
  protocol: Type.Optional(Type.String({ maxLength: 32 })),
  asset: Type.Optional(Type.Object({ hostname: Type.Optional(Type.String({ maxLength: 255 })), ip: Type.Optional(Type.String()) })),
  observables: Type.Optional(Type.Array(Observable, { maxItems: 200 })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
});
export type LachanAlertInput = Static<typeof LachanAlertInput>;

/** Answer of an ingest request, sent only after the batch is committed. */
export const IngestResult = Type.Object({
  accepted: Type.Integer({ description: 'new alerts stored' }),
  duplicates: Type.Integer({ description: 'repeats folded into an existing alert (occurrence count raised)' }),
  rejected: Type.Integer({ description: 'records quarantined with their reason' }),
  errors: Type.Array(Type.Object({ index: Type.Integer(), code: Type.String(), message: Type.String() })),
});
export type IngestResult = Static<typeof IngestResult>;

