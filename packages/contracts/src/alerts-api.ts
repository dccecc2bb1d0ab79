import { Type, type Static } from 'typebox';
import { Day, Nullable, Timestamp, Uuid } from './common.ts';
import { Observable, StoredAlertFormatSchema } from './alerts.ts';

/** Public id of a stored alert: its day of receipt and its number, e.g. `20261121-4711`. */
export const AlertId = Type.String({ pattern: '^[0-9]{8}-[0-9]{1,18}$' });

export const AlertSummary = Type.Object({
  id: AlertId,
  orgId: Uuid,
  orgName: Type.String(),
  reporterOrgId: Uuid,
  attributed: Type.Boolean(),
  format: StoredAlertFormatSchema,
  title: Type.String(),
  severity: Type.Integer({ minimum: 1, maximum: 4 }),
  rsitClass: Nullable(Type.String()),
  rsitType: Nullable(Type.String()),
  product: Nullable(Type.String()),
  ruleId: Nullable(Type.String()),
  srcIp: Nullable(Type.String()),
  dstIp: Nullable(Type.String()),
  assetHostname: Nullable(Type.String()),
  sectors: Type.Array(Type.String()),
  provinceCode: Nullable(Type.String()),
  occurrences: Type.Integer(),
  eventTime: Timestamp,
  firstSeen: Timestamp,
  lastSeen: Timestamp,
  receivedAt: Timestamp,
  incidentId: Nullable(Uuid),
  /** An analyst's verdict that the alert is a false positive, with the reason. */
  falsePositive: Nullable(Type.Object({ reason: Type.String(), at: Timestamp, by: Type.String() })),
  assigneeUserId: Nullable(Uuid),
  /** The exercise whose inject sent it (issue 17): shown with the exercise banner, never in the real stream. */
  exerciseId: Type.Optional(Nullable(Uuid)),
});
export type AlertSummary = Static<typeof AlertSummary>;

export const AlertDetail = Type.Object({
  ...AlertSummary.properties,
  reporterOrgName: Type.String(),
  sourceId: Nullable(Uuid),
  sourceRef: Nullable(Type.String()),
  description: Nullable(Type.String()),
  vendor: Nullable(Type.String()),
  ruleName: Nullable(Type.String()),
  sourceSeverity: Nullable(Type.String()),
  attack: Type.Array(Type.String()),
  srcPort: Nullable(Type.Integer()),
  dstPort: Nullable(Type.Integer()),
  protocol: Nullable(Type.String()),
  assetIp: Nullable(Type.String()),
  observables: Type.Array(Observable),
  /** Observables (by index in `observables`) that matched live indicators of the knowledge base at ingest. */
  indicatorMatches: Type.Array(Type.Object({ observableIndex: Type.Integer(), indicatorId: Type.Integer() })),
  tags: Type.Array(Type.String()),
  /** The first record of this alert, as received. */
  raw: Type.String(),
  /** The latest repeat folded into this alert, as received (the first record when it was that sent again); null while there is none. */
  rawLast: Nullable(Type.String()),
});
export type AlertDetail = Static<typeof AlertDetail>;

export const AlertListQuery = Type.Object({
  orgId: Type.Optional(Uuid),
  severity: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'at least this severity' })),
  format: Type.Optional(StoredAlertFormatSchema),
  rsitClass: Type.Optional(Type.String()),
  sector: Type.Optional(Type.String()),
  province: Type.Optional(Type.String()),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  since: Type.Optional(Timestamp),
  /** Alerts whose event happened on these days (UTC), as statistics count them: a figure's drill-down. */
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  before: Type.Optional(AlertId),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  exercise: Type.Optional(Type.Boolean({ description: 'the alerts of exercises only; without it, real alerts only' })),
  exerciseId: Type.Optional(Type.String({ format: 'uuid', description: "the alerts of this one exercise only (implies `exercise=true`), within the caller's scope" })),
});
export type AlertListQuery = Static<typeof AlertListQuery>;

/** A connector: an API key sending one format, or a syslog sender. */
export const AlertSource = Type.Object({
  id: Uuid,
  orgId: Uuid,
  orgName: Type.String(),
  name: Type.String(),
  format: StoredAlertFormatSchema,
  kind: Type.Enum(['api', 'syslog']),
  syslogAddress: Nullable(Type.String()),
  createdAt: Timestamp,
  lastSeenAt: Nullable(Timestamp),
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  ratePerMinute: Type.Number({ description: 'records per minute over the last 5 minutes' }),
  rejectedLast5Min: Type.Integer(),
});
export type AlertSource = Static<typeof AlertSource>;

export const SyslogSourceCreate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  orgId: Uuid,
  address: Type.String({ minLength: 2, maxLength: 64, description: 'the sender IP address' }),
  format: Type.Optional(Type.Enum(['syslog', 'cef'])),
}, { additionalProperties: false });
export type SyslogSourceCreate = Static<typeof SyslogSourceCreate>;

export const QuarantineItem = Type.Object({
  id: Type.String(),
  receivedAt: Timestamp,
  orgId: Uuid,
  sourceId: Nullable(Uuid),
  format: StoredAlertFormatSchema,
  code: Type.String(),
  message: Type.String(),
  raw: Type.String(),
  attempts: Type.Integer(),
  replayedAt: Nullable(Timestamp),
  alertId: Nullable(AlertId),
});
export type QuarantineItem = Static<typeof QuarantineItem>;

export const QuarantineListQuery = Type.Object({
  orgId: Type.Optional(Uuid),
  sourceId: Type.Optional(Uuid),
  state: Type.Optional(Type.Enum(['open', 'replayed', 'all'])),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type QuarantineListQuery = Static<typeof QuarantineListQuery>;

export const QuarantineReplay = Type.Object({
  ids: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{1,18}$' }), { maxItems: 10000 })),
  sourceId: Type.Optional(Uuid),
  all: Type.Optional(Type.Boolean({ description: 'every open record in your scope' })),
}, { additionalProperties: false });
export type QuarantineReplay = Static<typeof QuarantineReplay>;

export const QuarantineReplayResult = Type.Object({
  replayed: Type.Integer({ description: 'records that now parse and were stored as alerts' }),
  stillFailing: Type.Integer(),
  duplicates: Type.Integer(),
});
export type QuarantineReplayResult = Static<typeof QuarantineReplayResult>;

export const ASSET_KINDS = ['cidr', 'domain', 'hostname'] as const;
export const Asset = Type.Object({
  id: Uuid,
  orgId: Uuid,
  kind: Type.Enum([...ASSET_KINDS]),
  value: Type.String(),
  description: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type Asset = Static<typeof Asset>;

export const AssetCreate = Type.Object({
  kind: Type.Enum([...ASSET_KINDS]),
  value: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type AssetCreate = Static<typeof AssetCreate>;

/**
 * What alerts of one organisation share to join one incident: the signature (rule id, else title), the
 * attacker (the party outside the organisation: the source, or the destination of an outbound
 * connection), the asset (the host name the alert names, else its address inside the organisation),
 * the attacker or (for an alert naming none) the asset, the source address, the RSIT class.
 */
export const PROMOTION_GROUP_FIELDS = ['signature', 'attacker', 'asset', 'attackerOrAsset', 'srcIp', 'rsitClass'] as const;
export type PromotionGroupField = (typeof PROMOTION_GROUP_FIELDS)[number];

/** When a rule opens or updates an incident from alerts. All given conditions must hold. */
export const PromotionConditions = Type.Object({
  minSeverity: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  rsitClasses: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
  formats: Type.Optional(Type.Array(StoredAlertFormatSchema)),
  ruleIds: Type.Optional(Type.Array(Type.String(), { maxItems: 100 })),
  attack: Type.Optional(Type.Array(Type.String(), { maxItems: 50, description: 'any of these ATT&CK techniques' })),
  assetHostnames: Type.Optional(Type.Array(Type.String(), { maxItems: 100 })),
  observables: Type.Optional(Type.Array(Type.String(), { maxItems: 500, description: 'any observable equal to one of these values' })),
  count: Type.Optional(Type.Object({
    threshold: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    windowMinutes: Type.Integer({ minimum: 1, maximum: 10_080 }),
    groupBy: Type.Optional(Type.Enum(['org', 'rule', 'srcIp', 'asset'], { description: 'older form of `group.by` (org: none, rule: signature)' })),
  }, { additionalProperties: false })),
  group: Type.Optional(Type.Object({
    by: Type.Array(Type.Enum([...PROMOTION_GROUP_FIELDS]), { maxItems: 4, uniqueItems: true, description: 'one open incident per organisation and these values; empty: one per organisation' }),
    windowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 43_200, description: 'a group quiet longer than this opens a new incident (default 1440)' })),
  }, { additionalProperties: false })),
  incidentSeverity: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
}, { additionalProperties: false });
export type PromotionConditions = Static<typeof PromotionConditions>;

export const PromotionRule = Type.Object({
  id: Uuid,
  orgId: Nullable(Uuid),
  name: Type.String(),
  enabled: Type.Boolean(),
  conditions: PromotionConditions,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PromotionRule = Static<typeof PromotionRule>;

export const PromotionRuleCreate = Type.Object({
  orgId: Nullable(Uuid),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  enabled: Type.Optional(Type.Boolean()),
  conditions: PromotionConditions,
}, { additionalProperties: false });
export type PromotionRuleCreate = Static<typeof PromotionRuleCreate>;
export const PromotionRulePatch = Type.Partial(Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), enabled: Type.Boolean(), conditions: PromotionConditions }, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type PromotionRulePatch = Static<typeof PromotionRulePatch>;


/** A rule to try before saving it: its owner (null: national) and conditions. */
export const PromotionRulePreviewBody = Type.Object({ orgId: Nullable(Uuid), conditions: PromotionConditions }, { additionalProperties: false });
export type PromotionRulePreviewBody = Static<typeof PromotionRulePreviewBody>;

/** What a rule would have opened over the last days: matched alerts and the incidents of their groups. */
export const PromotionRulePreview = Type.Object({
  days: Type.Integer(),
  alertsScanned: Type.Integer(),
  alertsMatched: Type.Integer(),
  incidents: Type.Integer(),
  /** The scan stopped at its limit of alerts (the newest were read). */
  truncated: Type.Boolean(),
  groups: Type.Array(Type.Object({
    orgId: Uuid,
    label: Type.Record(Type.String(), Type.String()),
    alerts: Type.Integer(),
    incidents: Type.Integer(),
    firstSeen: Timestamp,
    lastSeen: Timestamp,
  })),
});
export type PromotionRulePreview = Static<typeof PromotionRulePreview>;
