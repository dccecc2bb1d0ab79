import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.ts';
import { MemberCount } from './counts.ts';
import { INCIDENT_TITLE_CODES } from './incidents.ts';

/** `retracted`: the engine found its links to be background (scanning, commodity, false positives) and withdrew it. */
export const CAMPAIGN_STATUSES = ['detected', 'confirmed', 'dismissed', 'merged', 'retracted'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;

/** How many organisations a campaign touches in one sector or province: those the caller may name, and the others. */
export const CampaignCount = Type.Object({ key: Type.String(), ...MemberCount.properties });
export type CampaignCount = Static<typeof CampaignCount>;

/** Codes of the titles the campaign engine makes (stored with the campaign, migration 0046). */
export const CAMPAIGN_TITLE_CODES = ['shared_infrastructure'] as const;
export type CampaignTitleCode = (typeof CAMPAIGN_TITLE_CODES)[number];

/** One campaign in a list. */
export const CampaignSummary = Type.Object({
  id: Uuid,
  /** As stored (English); the console words it from `titleCode` and `titleParams` in the reader's language. */
  title: Type.String(),
  titleCode: Type.Optional(Type.Enum([...CAMPAIGN_TITLE_CODES])),
  titleParams: Type.Optional(Type.Object({ value: Type.String() })),
  status: Type.Enum([...CAMPAIGN_STATUSES]),
  confidence: Type.Enum([...CONFIDENCES]),
  severity: Type.Integer(),
  techniques: Type.Array(Type.String()),
  /** Member organisations: those the caller may name, and how many others (fewer than 3 not given exactly). */
  members: MemberCount,
  alertCount: Type.Integer({ description: 'alerts of the members the caller may name' }),
  firstActivity: Timestamp,
  lastActivity: Timestamp,
  bySector: Type.Array(CampaignCount),
  byProvince: Type.Array(CampaignCount),
  mergedIntoId: Nullable(Uuid),
});
export type CampaignSummary = Static<typeof CampaignSummary>;

/** A reason or factor as a code with parameters (the console words it in the reader's language). */
export const CampaignReason = Type.Object({ code: Type.String(), params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])) });
export type CampaignReason = Static<typeof CampaignReason>;

/** Why the engine is as confident as it is: the evidence behind the level (counts of members the caller may not name left out). */
export const CampaignExplanation = Type.Object({ level: Type.Enum([...CONFIDENCES]), factors: Type.Array(CampaignReason) });

/** What happened to a campaign and why: detected, merged into another or absorbing one, split, retracted. */
export const CampaignHistoryEntry = Type.Object({
  at: Timestamp,
  action: Type.Enum(['detected', 'merged_into', 'absorbed', 'split_from', 'split_off', 'retracted']),
  /** The other campaign of a merge or split (the national centre only). */
  otherCampaignId: Nullable(Uuid),
  reasons: Type.Array(CampaignReason),
});
export type CampaignHistoryEntry = Static<typeof CampaignHistoryEntry>;

/** A campaign with what the caller may see of its members and the evidence of each link. */
export const CampaignDetail = Type.Object({
  ...CampaignSummary.properties,
  orgs: Type.Array(Type.Object({ id: Uuid, name: Type.String(), sectors: Type.Array(Type.String()), provinceCode: Nullable(Type.String()), firstSeen: Timestamp, lastSeen: Timestamp })),
  /** Only values seen by an organisation the caller may name, with who else saw them as counts. */
  evidence: Type.Array(Type.Object({ kind: Type.Enum(['observable', 'network', 'technique', 'signature', 'fingerprint']), value: Type.String(), members: MemberCount, firstSeen: Timestamp, lastSeen: Timestamp })),
  alerts: Type.Array(Type.Object({ id: Type.String(), orgId: Uuid, title: Type.String(), severity: Type.Integer(), lastSeen: Timestamp })),
  /** Incidents of the named members that the caller may open. */
  incidents: Type.Array(Type.Object({
    id: Uuid, orgId: Uuid, title: Type.String(), status: Type.String(),
    titleCode: Nullable(Type.Enum([...INCIDENT_TITLE_CODES])), titleParams: Nullable(Type.Record(Type.String(), Type.String())),
  })),
  explanation: CampaignExplanation,
  history: Type.Array(CampaignHistoryEntry),
  /** Why the engine retracted it (null unless retracted). */
  retractedReasons: Nullable(Type.Array(CampaignReason)),
});
export type CampaignDetail = Static<typeof CampaignDetail>;

export const CampaignListQuery = Type.Object({
  /** `active`: detected or confirmed (not dismissed or merged). */
  status: Type.Optional(Type.Enum([...CAMPAIGN_STATUSES, 'active'])),
  confidence: Type.Optional(Type.Enum([...CONFIDENCES])),
  sector: Type.Optional(Type.String()),
  orgId: Type.Optional(Type.String({ format: 'uuid', description: 'an organisation the caller may see (403 otherwise, whatever the campaigns)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type CampaignListQuery = Static<typeof CampaignListQuery>;

export const CampaignMerge = Type.Object({ intoId: Uuid }, { additionalProperties: false });
export type CampaignMerge = Static<typeof CampaignMerge>;

/**
 * An address the noise model judged internet-wide scanning: background, never a campaign. A list the
 * outer-shield exports may use at low score. Counts are for the national centre only.
 */
export const MassScanner = Type.Object({
  value: Type.String(),
  type: Type.Enum(['ipv4', 'ipv6']),
  orgCount: Nullable(Type.Integer()),
  sectors: Type.Array(Type.String()),
  reasons: Type.Array(CampaignReason),
  firstSeen: Timestamp,
  lastSeen: Timestamp,
});
export type MassScanner = Static<typeof MassScanner>;

export const MassScannerQuery = Type.Object({
  /** Only addresses seen since (default: the last 14 days). */
  since: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
});
export type MassScannerQuery = Static<typeof MassScannerQuery>;
