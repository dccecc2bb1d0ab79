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

export const AuditListQuery = Type.Object({
  entityType: Type.Optional(Type.String()),
  entityId: Type.Optional(Type.String()),
  orgId: Type.Optional(Uuid),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'id cursor' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditListQuery = Static<typeof AuditListQuery>;
