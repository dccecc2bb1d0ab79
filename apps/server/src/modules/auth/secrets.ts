import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP minimum for argon2id: 19 MiB, 2 passes, 1 lane (about 15 ms a hash, off the event loop).
const ARGON2ID = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so timing does not tell who exists. */
let dummy: Promise<string> | null = null;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomToken(16)));

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A password for a new account: 20 characters from a 62-letter alphabet (~119 bits). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** An API key: `lck_` + 8 characters shown as its prefix + 40 secret characters. Stored only hashed. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `lck_${randomToken(6)}_${randomToken(30)}`;
  return { key, prefix: key.slice(0, 12), hash: sha256(key) };
}
