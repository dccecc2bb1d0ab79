import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditSigner, KEY_FILE, loadAuditSigner } from './audit-signing.ts';

const seed = () => randomBytes(32).toString('base64');
const statement = { lastId: '4821', hash: 'a'.repeat(64), at: '2026-12-06T04:00:00.000Z' };

describe('signed chain heads', () => {
  const signer = new AuditSigner(seed());

  it('verify when untouched, and not when any signed field changes', () => {
    const head = signer.sign(statement);
    expect(head).toMatchObject({ format: 'lachan-audit-head/1', ...statement, keyId: signer.keyId, publicKey: signer.publicKey });
    expect(signer.verify(head)).toBe(true);
    expect(signer.verify({ ...head, lastId: '4820' })).toBe(false);
    expect(signer.verify({ ...head, hash: 'b'.repeat(64) })).toBe(false);
    expect(signer.verify({ ...head, at: '2026-12-06T04:00:01.000Z' })).toBe(false);
    expect(signer.verify({ ...head, signature: 'not base64 at all' })).toBe(false);
  });

  it('refuse a head signed with another key, even one claiming this key’s id', () => {
    const other = new AuditSigner(seed()).sign(statement);
    expect(signer.verify(other)).toBe(false);
    expect(signer.verify({ ...other, keyId: signer.keyId })).toBe(false);
  });

  it('accept heads of an earlier key that is still trusted (rotation)', () => {
    const old = new AuditSigner(seed());
    const rotated = new AuditSigner(seed(), [old.publicKey]);
    expect(rotated.verify(old.sign(statement))).toBe(true);
    expect(rotated.sign(statement).keyId).not.toBe(old.keyId);
  });

  it('refuse a configured key that is not 32 bytes of base64, naming the variable', () => {
    expect(() => new AuditSigner('short')).toThrow(/LACHAN_AUDIT_SIGNING_KEY must be 32 bytes/);
    expect(() => new AuditSigner(`${seed()}!`)).toThrow(/LACHAN_AUDIT_SIGNING_KEY/);
    expect(() => new AuditSigner(seed(), ['nope'])).toThrow(/LACHAN_AUDIT_TRUSTED_KEYS/);
  });
});

describe('the key without configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lachan-audit-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once into the data directory (mode 0600), reused after, and announced', () => {
    const first = loadAuditSigner({ auditSigningKey: null, auditTrustedKeys: [], dataDir: dir });
    expect(first.warning).toMatch(/LACHAN_AUDIT_SIGNING_KEY/);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = loadAuditSigner({ auditSigningKey: null, auditTrustedKeys: [], dataDir: dir });
    expect(again.signer.keyId).toBe(first.signer.keyId);
    expect(again.signer.verify(first.signer.sign(statement))).toBe(true);
    expect(readFileSync(join(dir, KEY_FILE), 'utf8').trim()).toHaveLength(44);
  });

  it('is not used when one is configured', () => {
    const configured = seed();
    const r = loadAuditSigner({ auditSigningKey: configured, auditTrustedKeys: [], dataDir: dir });
    expect(r.warning).toBeNull();
    expect(r.signer.keyId).toBe(new AuditSigner(configured).keyId);
  });
});
