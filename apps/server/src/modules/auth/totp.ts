import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from './secrets.ts';

const ISSUER = 'Lá Chắn';
const PERIOD = 30;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const RECOVERY_CODE_COUNT = 10;

/** A new TOTP secret: 160 random bits in base32 (RFC 4226's recommended length). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, email: string) =>
  new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** The otpauth:// URI authenticator apps read (SHA-1, 6 digits, 30 s: what every app supports). */
export const otpauthUri = (secret: string, email: string): string => totpOf(secret, email).toString();

/** The URI as an SVG QR code, for the enrolment page. */
export const qrSvg = (uri: string): Promise<string> => QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

/** Six digits, spaces allowed ("123 456"). */
export const isTotpCode = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s+/g, ''));

/**
 * The time step a code belongs to, or null: the current step or one either side (clock drift), and
 * only steps after `lastStep`, so a code seen once is never accepted again.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD, timestamp, window: 1 });
  if (delta === null) return null;
  const step = TOTP.counter({ period: PERIOD, timestamp }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code an authenticator app shows at `now` (tests and the e2e helper sign in with it). */
export const totpCodeAt = (secret: string, now: Date): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD, timestamp: now.getTime() });

/** Ten recovery codes of 80 random bits each, shown as XXXX-XXXX-XXXX-XXXX. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    let bits = 0n;
    for (const b of bytes) bits = (bits << 8n) | BigInt(b);
    const chars = Array.from({ length: 16 }, (_, i) => BASE32[Number((bits >> BigInt(75 - i * 5)) & 31n)]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** What is stored of a recovery code: the hash of its letters, whatever the case, dashes or spaces typed. */
export const recoveryCodeHash = (code: string): string => sha256(code.toUpperCase().replace(/[^A-Z2-7]/g, ''));
