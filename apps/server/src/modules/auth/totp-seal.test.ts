import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSealed, loadTotpSeal, TotpSeal } from './totp-seal.ts';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TOTP secrets at rest', () => {
  it('seals a secret so that the stored value holds no trace of it, and opens it with the same key', () => {
    const seal = new TotpSeal('one key');
    const stored = seal.seal(SECRET);
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain(SECRET);
    expect(seal.seal(SECRET)).not.toBe(stored);
    expect(seal.open(stored)).toBe(SECRET);
  });

  it('refuses to open a secret sealed under another key, naming the setting every process must share', () => {
    const stored = new TotpSeal('node one').seal(SECRET);
    expect(() => new TotpSeal('node two').open(stored)).toThrow(/LACHAN_TOTP_SECRETS_KEY/);
  });

  it('opens a secret stored before sealing as it is', () => {
    expect(new TotpSeal('k').open(SECRET)).toBe(SECRET);
  });

  it('without a configured key, generates one into the data directory (0600), the same for every later start, and warns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lachan-totp-'));
    try {
      const first = loadTotpSeal({ totpSecretsKey: null, dataDir: dir });
      expect(first.warning).toMatch(/LACHAN_TOTP_SECRETS_KEY/);
      expect(statSync(join(dir, 'totp-secrets-key')).mode & 0o777).toBe(0o600);
      const again = loadTotpSeal({ totpSecretsKey: null, dataDir: dir });
      expect(again.seal.open(first.seal.seal(SECRET))).toBe(SECRET);
      expect(loadTotpSeal({ totpSecretsKey: 'configured', dataDir: dir }).warning).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
