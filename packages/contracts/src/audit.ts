import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.ts';

/** One link of the hash-chained audit log. */
export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  actorType: Type.Enum(['user', 'apikey', 'system']),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  orgId: Nullable(Uuid),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** Filters of the audit log: entity, organisation, action (exact or a `prefix.`), actor name, time span. */
const auditFilters = {
  entityType: Type.Optional(Type.String()),
  entityId: Type.Optional(Type.String()),
  orgId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ pattern: '^[a-z0-9_.]{1,80}$', description: 'an action, or its prefix ending in a dot (e.g. `incident.`)' })),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'part of the actor\'s name (case-insensitive)' })),
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
};

export const AuditListQuery = Type.Object({
  ...auditFilters,
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'id cursor' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditListQuery = Static<typeof AuditListQuery>;

/** The audit log as a file: the filters of the list, CSV or NDJSON, newest first, at most `AUDIT_EXPORT_LIMIT` rows. */
export const AuditExportQuery = Type.Object({ ...auditFilters, format: Type.Optional(Type.Enum(['csv', 'ndjson'])) });
export type AuditExportQuery = Static<typeof AuditExportQuery>;
export const AUDIT_EXPORT_LIMIT = 50_000;

/**
 * A signed statement of the audit chain's head: the newest link's id and hash at a moment, signed with
 * the server's Ed25519 audit key. A supervisor keeps it elsewhere; `audit verify --against` it detects a
 * truncated or rewritten tail. `publicKey` is informative: verification uses the keys the server trusts.
 */
export const AuditHead = Type.Object({
  format: Type.Literal('lachan-audit-head/1'),
  lastId: Type.String({ pattern: '^[0-9]{1,18}$' }),
  hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  at: Timestamp,
  keyId: Type.String({ pattern: '^[0-9a-f]{16}$' }),
  publicKey: Type.String({ maxLength: 64 }),
  signature: Type.String({ maxLength: 200 }),
}, { additionalProperties: false });
export type AuditHead = Static<typeof AuditHead>;

/** Heads kept elsewhere (exported or from the checkpoint file) to verify the chain against. */
export const AuditVerifyBody = Type.Object({
  heads: Type.Array(AuditHead, { maxItems: 10_000 }),
}, { additionalProperties: false });
export type AuditVerifyBody = Static<typeof AuditVerifyBody>;

/** The outcome of walking the chain: the first broken link, if any, and what it was checked against. */
export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Nullable(Type.Object({ id: Type.String(), reason: Type.String() })),
  head: Nullable(Type.Object({ lastId: Type.String(), hash: Type.String() })),
  anchors: Type.Integer({ description: 'signed checkpoints and exported heads the chain was matched against' }),
});
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
