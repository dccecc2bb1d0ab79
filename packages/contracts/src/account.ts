import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.ts';

/** One of the signed-in user's own sessions (its cookie token never leaves the server). */
export const AccountSession = Type.Object({
  id: Uuid,
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  /** The session this request came with. */
  current: Type.Boolean(),
});
export type AccountSession = Static<typeof AccountSession>;

export const AccountSessions = Type.Object({ items: Type.Array(AccountSession) });
export type AccountSessions = Static<typeof AccountSessions>;

/**
 * Which warnings and reminders reach the user by e-mail, beside their organisation's reception address:
 * issued warnings addressed to their organisation at or above a severity (null: none), and reminders of
 * warnings the organisation has not acknowledged.
 */
export const MailPreferences = Type.Object({
  warningMinSeverity: Nullable(Type.Integer({ minimum: 1, maximum: 4 })),
  warningReminders: Type.Boolean(),
}, { additionalProperties: false });
export type MailPreferences = Static<typeof MailPreferences>;

/** How long alerts and quarantined records are kept (days; null: for ever). The centre sets it. */
export const RetentionPatch = Type.Object({
  alertDays: Nullable(Type.Integer({ minimum: 30, maximum: 3650 })),
  quarantineDays: Nullable(Type.Integer({ minimum: 7, maximum: 3650 })),
}, { additionalProperties: false });
export type RetentionPatch = Static<typeof RetentionPatch>;
export const Retention = Type.Object({
  alertDays: Nullable(Type.Integer()),
  quarantineDays: Nullable(Type.Integer()),
  updatedAt: Timestamp,
  updatedBy: Nullable(Type.String()),
});
export type Retention = Static<typeof Retention>;
