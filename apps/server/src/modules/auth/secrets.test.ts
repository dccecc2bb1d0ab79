import { describe, expect, it } from 'vitest';
import { generateApiKey, generatePassword, hashPassword, sha256, verifyPassword } from './secrets.ts';

describe('secrets', () => {
  it('hashes passwords with argon2id and verifies only the right one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'wrong')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
  it('makes API keys whose hash, not the key, is kept', () => {
    const a = generateApiKey();
    expect(a.key).toMatch(/^lck_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{40}$/);
    expect(a.prefix).toBe(a.key.slice(0, 12));
    expect(a.hash).toBe(sha256(a.key));
    expect(generateApiKey().key).not.toBe(a.key);
  });
  it('generates long passwords', () => {
    expect(generatePassword()).toHaveLength(20);
  });
});
