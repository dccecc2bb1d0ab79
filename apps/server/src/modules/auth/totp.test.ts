import { describe, expect, it } from 'vitest';
import { acceptedStep, newRecoveryCodes, newTotpSecret, otpauthUri, qrSvg, recoveryCodeHash, totpCodeAt } from './totp.ts';

const at = (iso: string) => new Date(iso);

describe('TOTP', () => {
  it('accepts the code of now and of one step either side, and nothing further', () => {
    const secret = newTotpSecret();
    const now = at('2026-11-21T08:00:15Z');
    expect(acceptedStep(secret, totpCodeAt(secret, now), now, null)).not.toBeNull();
    expect(acceptedStep(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now, null)).not.toBeNull();
    expect(acceptedStep(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now, null)).not.toBeNull();
    expect(acceptedStep(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', now, null)).toBeNull();
  });

  it('never accepts a code of a step already used', () => {
    const secret = newTotpSecret();
    const now = at('2026-11-21T08:00:15Z');
    const step = acceptedStep(secret, totpCodeAt(secret, now), now, null)!;
    expect(acceptedStep(secret, totpCodeAt(secret, now), now, step)).toBeNull();
    expect(acceptedStep(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now, step)).toBe(step + 1);
  });

  it('makes an otpauth URI naming the platform and the account, and its QR code', async () => {
    const secret = newTotpSecret();
    const uri = otpauthUri(secret, 'an@soc.example.vn');
    expect(uri).toMatch(/^otpauth:\/\/totp\/L%C3%A1%20Ch%E1%BA%AFn:an%40soc\.example\.vn\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(await qrSvg(uri)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});

describe('recovery codes', () => {
  it('makes ten distinct 80-bit codes and hashes them however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const c = codes[0]!;
    expect(recoveryCodeHash(c.toLowerCase().replace(/-/g, ' '))).toBe(recoveryCodeHash(c));
    expect(recoveryCodeHash(c)).not.toBe(recoveryCodeHash(codes[1]!));
  });
});
