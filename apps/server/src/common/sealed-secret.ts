import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const keyOf = (secret: string) => createHash('sha256').update(secret).digest();

/** Seals a stored credential with AES-256-GCM under a configured key; without a key it is kept as is, marked so. */
export function sealSecret(plain: string, key: string | null): string {
  if (key === null) return `plain:${plain}`;
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keyOf(key), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `gcm:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

/** Opens a credential sealed by {@link sealSecret}; throws when the key (named by `keyName` in the error) is missing or wrong. */
export function openSecret(sealed: string, key: string | null, keyName: string): string {
  if (sealed.startsWith('plain:')) return sealed.slice(6);
  if (key === null) throw new Error(`the stored secret is sealed and ${keyName} is not set`);
  const raw = Buffer.from(sealed.slice(4), 'base64');
  const d = createDecipheriv('aes-256-gcm', keyOf(key), raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}
