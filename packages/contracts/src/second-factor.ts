import { Type, type Static } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

/** A TOTP code (6 digits) or a one-time recovery code (16 letters and digits, dashes optional). */
export const SecondFactorCode = Type.String({ minLength: 6, maxLength: 40, description: 'authenticator code or recovery code' });

/** The second step of signing in, and any confirmation by code. */
export const SecondFactorCheck = Type.Object({ code: SecondFactorCode }, { additionalProperties: false });
export type SecondFactorCheck = Static<typeof SecondFactorCheck>;

/** The signed-in user's second factor. */
export const SecondFactorStatus = Type.Object({
  enabled: Type.Boolean(),
  required: Type.Boolean(),
  enabledAt: Nullable(Timestamp),
  recoveryCodesLeft: Type.Integer(),
});
export type SecondFactorStatus = Static<typeof SecondFactorStatus>;

/** A started enrolment: the secret, shown once, as text, as an otpauth:// URI and as a QR code (SVG). */
export const SecondFactorEnrolment = Type.Object({
  secret: Type.String({ description: 'base32, for typing into an authenticator app' }),
  otpauthUri: Type.String(),
  qrSvg: Type.String({ description: 'the otpauth URI as an SVG QR code' }),
});
export type SecondFactorEnrolment = Static<typeof SecondFactorEnrolment>;

/** Ten one-time recovery codes, shown once (only their hashes are kept). */
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
export type RecoveryCodes = Static<typeof RecoveryCodes>;

/** Turning the second factor off takes the password and a code. */
export const SecondFactorDisable = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  code: SecondFactorCode,
}, { additionalProperties: false });
export type SecondFactorDisable = Static<typeof SecondFactorDisable>;
