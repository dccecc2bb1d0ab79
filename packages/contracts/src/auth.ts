import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.ts';
import { PermissionSchema, RoleSchema, UserRoleSchema } from './access.ts';
import { OrgKindSchema } from './orgs.ts';

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
}, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

/**
 * How far a session got: `complete`; `second_factor` (the password was right, the code is still
 * due); `enrolment` (the role requires a second factor the user has not set up: only enrolment is open).
 */
export const SIGN_IN_STAGES = ['complete', 'second_factor', 'enrolment'] as const;
export type SignInStage = (typeof SIGN_IN_STAGES)[number];

/** The signed-in user as the console sees them. */
export const Me = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    locale: Type.Enum(['vi', 'en']),
    org: Type.Object({ id: Uuid, name: Type.String(), nameEn: Nullable(Type.String()), kind: OrgKindSchema }),
    permissions: Type.Array(PermissionSchema),
    stage: Type.Enum([...SIGN_IN_STAGES]),
    secondFactor: Type.Object({
      enabled: Type.Boolean(),
      required: Type.Boolean({ description: 'the role requires a second factor (LACHAN_SECOND_FACTOR_ROLES)' }),
    }),
  },

);
export type Me = Static<typeof Me>;

export const LoginResponse = Type.Object({ user: Me, csrfToken: Type.String() });
export type LoginResponse = Static<typeof LoginResponse>;
export const MeResponse = Type.Object({ user: Me, csrfToken: Nullable(Type.String()) });
export type MeResponse = Static<typeof MeResponse>;

export const MePatch = Type.Object({ locale: Type.Optional(Type.Enum(['vi', 'en'])), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });
export type MePatch = Static<typeof MePatch>;

export const PasswordChange = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  newPassword: Type.String({ minLength: 12, maxLength: 1024 }),
}, { additionalProperties: false });
export type PasswordChange = Static<typeof PasswordChange>;

export const User = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    orgId: Uuid,
    orgName: Type.String(),
    role: UserRoleSchema,
    status: Type.Enum(['active', 'disabled']),
    /** Until when sign-ins from clients the account does not know are refused, after many failures. */
    lockedUntil: Nullable(Timestamp),
    secondFactor: Type.Boolean({ description: 'a TOTP second factor is enabled' }),
    lastLoginAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },

);
export type User = Static<typeof User>;

export const UserCreate = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  orgId: Uuid,
  role: UserRoleSchema,
  password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024 })),
}, { additionalProperties: false });
export type UserCreate = Static<typeof UserCreate>;

/** A created user; `initialPassword` is present once, when the server generated it. */
export const UserCreated = Type.Object({ user: User, initialPassword: Nullable(Type.String()) });
export type UserCreated = Static<typeof UserCreated>;

export const UserPatch = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: UserRoleSchema,
    status: Type.Enum(['active', 'disabled']),
    unlock: Type.Boolean(),
  }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type UserPatch = Static<typeof UserPatch>;

/** An administrator sets a user's password; without one it is generated and answered once. */
export const UserPasswordReset = Type.Object({ password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024 })) }, { additionalProperties: false });
export type UserPasswordReset = Static<typeof UserPasswordReset>;
export const UserPasswordResetDone = Type.Object({ initialPassword: Nullable(Type.String()) });
export type UserPasswordResetDone = Static<typeof UserPasswordResetDone>;

export const UserListQuery = Type.Object({
  orgId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
});
export type UserListQuery = Static<typeof UserListQuery>;

export const ApiKey = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    orgId: Uuid,
    orgName: Type.String(),
    role: RoleSchema,
    prefix: Type.String({ description: 'first characters of the key, to recognise it' }),
    createdAt: Timestamp,
    createdByName: Nullable(Type.String()),
    lastUsedAt: Nullable(Timestamp),
    revokedAt: Nullable(Timestamp),
  },

);
export type ApiKey = Static<typeof ApiKey>;

export const ApiKeyCreate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  orgId: Uuid,
  role: RoleSchema,
}, { additionalProperties: false });
export type ApiKeyCreate = Static<typeof ApiKeyCreate>;

/** The created key: `key` is shown only in this answer and never stored in clear. */
export const ApiKeyCreated = Type.Object({ ...ApiKey.properties, key: Type.String() });
export type ApiKeyCreated = Static<typeof ApiKeyCreated>;

export const ApiKeyListQuery = Type.Object({
  orgId: Type.Optional(Uuid),
  includeRevoked: Type.Optional(Type.Boolean({ default: false })),
});
export type ApiKeyListQuery = Static<typeof ApiKeyListQuery>;
