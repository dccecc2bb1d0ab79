import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, TlpSchema, Uuid } from './common.ts';

export const WARNING_STATUSES = ['draft', 'proposed', 'issued', 'withdrawn', 'discarded'] as const;

/** Who a warning is for: organisations matching every given criterion (empty = everyone). */
export const WarningTargeting = Type.Object({
  sectors: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
  provinces: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2}$' }), { maxItems: 64 })),
  orgIds: Type.Optional(Type.Array(Uuid, { maxItems: 5000 })),
  kinds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
  securityLevels: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), { maxItems: 5, description: 'organisations owning an active system at these levels' })),
  criticalOnly: Type.Optional(Type.Boolean({ description: 'organisations owning an active system critical to national security' })),
  keywords: Type.Optional(Type.Array(Type.String({ maxLength: 128 }), { maxItems: 50, description: 'products or keywords, for the reader' })),
}, { additionalProperties: false });
export type WarningTargeting = Static<typeof WarningTargeting>;

/** A CVE a warning refers to, with its scores as data. */
export const WarningCve = Type.Object({
  id: Type.String({ pattern: '^CVE-[0-9]{4}-[0-9]{4,}$' }),
  cvss: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
  /** CVSS v3 vector; with it the CSAF export carries a full score. */
  cvssVector: Type.Optional(Type.String({ pattern: '^CVSS:3\\.[01]/', maxLength: 200 })),
  epss: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  knownExploited: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
/** An external source a warning refers to (a vendor advisory, an ATT&CK page): CSAF `document.references` of category external. */
export const WarningReference = Type.Object({
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
  summary: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false });
/** One revision of a published warning: issuing is revision 1, each later change (withdrawal) the next. */
export const WarningRevision = Type.Object({ number: Type.Integer({ minimum: 1 }), date: Timestamp, summary: Type.String() });
export type WarningRevision = Static<typeof WarningRevision>;
export const WarningIndicator = Type.Object({ type: Type.String({ maxLength: 32 }), value: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false });

const editable = {
  titleVi: Type.String({ minLength: 1, maxLength: 300 }),
  titleEn: Type.String({ minLength: 1, maxLength: 300 }),
  bodyVi: Type.String({ minLength: 1, maxLength: 20000 }),
  bodyEn: Type.String({ minLength: 1, maxLength: 20000 }),
  severity: Type.Integer({ minimum: 1, maximum: 4 }),
  tlp: TlpSchema,
  targeting: WarningTargeting,
  actions: Type.Array(Type.Object({ vi: Type.String({ maxLength: 2000 }), en: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }), { maxItems: 50 }),
  indicators: Type.Array(WarningIndicator, { maxItems: 1000 }),
  cves: Type.Array(WarningCve, { maxItems: 200 }),
  references: Type.Array(WarningReference, { maxItems: 50 }),
  validFrom: Nullable(Timestamp),
  validUntil: Nullable(Timestamp),
};

export const WarningCreate = Type.Object({ ...editable, actions: Type.Optional(editable.actions), indicators: Type.Optional(editable.indicators), cves: Type.Optional(editable.cves), references: Type.Optional(editable.references), validFrom: Type.Optional(editable.validFrom), validUntil: Type.Optional(editable.validUntil), tlp: Type.Optional(TlpSchema) }, { additionalProperties: false });
export type WarningCreate = Static<typeof WarningCreate>;
export const WarningPatch = Type.Partial(Type.Object(editable, { additionalProperties: false }), { additionalProperties: false });
export type WarningPatch = Static<typeof WarningPatch>;

/** An early warning as the API shows it. */
export const Warning = Type.Object({
  id: Uuid,
  status: Type.Enum([...WARNING_STATUSES]),
  origin: Type.Enum(['manual', 'campaign', 'surge']),
  campaignId: Nullable(Uuid),
  authorOrgId: Uuid,
  ...editable,
  issuedAt: Nullable(Timestamp),
  /** The revision history since issue (empty for a draft); the CSAF version is its length. */
  revisions: Type.Array(WarningRevision),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** For a recipient organisation: its own read and acknowledgement times. */
  mine: Type.Optional(Type.Object({ readAt: Nullable(Timestamp), ackedAt: Nullable(Timestamp) })),
  /** The exercise it belongs to (issue 17): shown with the exercise banner, never in the real lists. */
  exerciseId: Type.Optional(Nullable(Uuid)),
  /** In lists, for the issuer (the centre or the author's admins): delivery at a glance. */
  delivery: Type.Optional(Type.Object({ targeted: Type.Integer(), acknowledged: Type.Integer(), pending: Type.Integer(), failed: Type.Integer() })),
});
export type Warning = Static<typeof Warning>;

export const WarningListQuery = Type.Object({
  status: Type.Optional(Type.Enum([...WARNING_STATUSES])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  exercise: Type.Optional(Type.Boolean({ description: 'the warnings of exercises only; without it, real warnings only' })),
  exerciseId: Type.Optional(Type.String({ format: 'uuid', description: "the warnings of this one exercise only (implies `exercise=true`), within the caller's scope" })),
});
export type WarningListQuery = Static<typeof WarningListQuery>;
/** GET /warnings/inbox: real warnings by default, an exercise's only with `exercise=true` (issue 17). */
export const WarningInboxQuery = Type.Object({
  exercise: Type.Optional(Type.Boolean({ description: 'the warnings of exercises only' })),
  exerciseId: Type.Optional(Type.String({ format: 'uuid', description: "the warnings of this one exercise only (implies `exercise=true`)" })),
});
export type WarningInboxQuery = Static<typeof WarningInboxQuery>;

export const RecipientPreview = Type.Object({ count: Type.Integer(), orgs: Type.Array(Type.Object({ id: Uuid, name: Type.String(), provinceCode: Nullable(Type.String()), sectors: Type.Array(Type.String()) })) });
export type RecipientPreview = Static<typeof RecipientPreview>;

export const WarningAck = Type.Object({ orgId: Type.Optional(Uuid) }, { additionalProperties: false });
export type WarningAck = Static<typeof WarningAck>;

export const DELIVERY_CHANNELS = ['stream', 'webhook', 'email'] as const;
export const DELIVERY_STATES = ['pending', 'delivered', 'dead'] as const;

/** One delivery of a warning to an organisation on one channel (the live stream is delivered when issued). */
export const WarningDelivery = Type.Object({
  /** Null for the live stream, which has no queue. */
  id: Nullable(Type.String()),
  channel: Type.Enum([...DELIVERY_CHANNELS]),
  /** Webhook URL or e-mail address; null for the stream. */
  target: Nullable(Type.String()),
  purpose: Type.Enum(['issue', 'reminder']),
  status: Type.Enum([...DELIVERY_STATES]),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(Timestamp),
  deliveredAt: Nullable(Timestamp),
});
export type WarningDelivery = Static<typeof WarningDelivery>;

/** Per-warning delivery figures for the centre's dashboard: per organisation and channel, dead letters with their reason. */
export const WarningStatus = Type.Object({
  targeted: Type.Integer(),
  read: Type.Integer(),
  acknowledged: Type.Integer(),
  channels: Type.Array(Type.Object({ channel: Type.String(), delivered: Type.Integer(), pending: Type.Integer(), failed: Type.Integer() })),
  orgs: Type.Array(Type.Object({ orgId: Uuid, name: Type.String(), readAt: Nullable(Timestamp), ackedAt: Nullable(Timestamp), reminders: Type.Integer(), deliveries: Type.Array(WarningDelivery) })),
  deadLetters: Type.Array(Type.Object({ ...WarningDelivery.properties, id: Type.String(), orgId: Uuid, name: Type.String() })),
});
export type WarningStatus = Static<typeof WarningStatus>;

/** A webhook endpoint to add; without a secret the server generates one (shown once in the answer). */
export const WebhookCreate = Type.Object({
  url: Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' }), secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
  /** Also receives the warnings of exercises the organisation plays in (no other endpoint ever does). */
  exercises: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type WebhookCreate = Static<typeof WebhookCreate>;
export const Webhook = Type.Object({
  id: Uuid, orgId: Uuid, url: Type.String(), enabled: Type.Boolean(), createdAt: Timestamp,
  /** Marked for exercises: the only kind of endpoint an exercise's warning reaches. */
  exercises: Type.Boolean(),
  /** The latest delivery to this endpoint, if any. */
  lastDelivery: Nullable(Type.Object({ status: Type.Enum([...DELIVERY_STATES]), attempts: Type.Integer(), lastError: Nullable(Type.String()), at: Timestamp })),
});
export type Webhook = Static<typeof Webhook>;
/** The answer to adding an endpoint: the only time its signing secret is shown. */
export const WebhookCreated = Type.Object({ ...Webhook.properties, secret: Type.String() });
export type WebhookCreated = Static<typeof WebhookCreated>;
/** The outcome of a signed test delivery sent at once. */
export const WebhookTestResult = Type.Object({ ok: Type.Boolean(), httpStatus: Nullable(Type.Integer()), error: Nullable(Type.String()), ms: Type.Integer() });
export type WebhookTestResult = Static<typeof WebhookTestResult>;

/** Issue at once, without a coordinator, proposals at or above a severity (optionally of one sector). */
export const WarningPolicyCreate = Type.Object({ minSeverity: Type.Integer({ minimum: 1, maximum: 4 }), sectorCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))), autoIssue: Type.Boolean() }, { additionalProperties: false });
export type WarningPolicyCreate = Static<typeof WarningPolicyCreate>;
export const WarningPolicy = Type.Object({ id: Uuid, minSeverity: Type.Integer(), sectorCode: Nullable(Type.String()), autoIssue: Type.Boolean() });
export type WarningPolicy = Static<typeof WarningPolicy>;
