import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { AuditHead } from '@lachan/contracts';
import { generatedKey } from '../../common/generated-key.ts';

export const HEAD_FORMAT = 'lachan-audit-head/1';
export const KEY_FILE = 'audit-signing-key';

// DER wrappers of a raw Ed25519 seed (PKCS#8) and public key (SPKI), RFC 8410.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The fields of a head that its signature covers. */
export type HeadStatement = Pick<AuditHead, 'lastId' | 'hash' | 'at'>;

const message = (h: HeadStatement, keyId: string) => Buffer.from(`${HEAD_FORMAT}\n${h.lastId}\n${h.hash}\n${h.at}\n${keyId}`);
const keyIdOf = (rawPublic: Buffer) => createHash('sha256').update(rawPublic).digest('hex').slice(0, 16);

function rawKey(text: string, what: string): Buffer {
  const bytes = Buffer.from(text.trim(), 'base64');
  if (bytes.length !== 32 || bytes.toString('base64').replace(/=+$/, '') !== text.trim().replace(/=+$/, '')) {
    throw new Error(`${what} must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
  }
  return bytes;
}

/**
 * Signs chain heads with the configured Ed25519 key and checks heads signed with it or with an earlier
 * key still trusted. A checkpoint under any other key is treated as forged.
 */
export class AuditSigner {
  readonly keyId: string;
  readonly publicKey: string;
  #private: KeyObject;
  #trusted = new Map<string, KeyObject>();

  constructor(seedBase64: string, trustedPublicKeys: string[] = []) {
    this.#private = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, rawKey(seedBase64, 'LACHAN_AUDIT_SIGNING_KEY')]), format: 'der', type: 'pkcs8' });
    const pub = createPublicKey(this.#private);
    const raw = pub.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
    this.publicKey = raw.toString('base64');
    this.keyId = keyIdOf(raw);
    this.#trusted.set(this.keyId, pub);
    for (const text of trustedPublicKeys) {
      const r = rawKey(text, 'each LACHAN_AUDIT_TRUSTED_KEYS entry');
      this.#trusted.set(keyIdOf(r), createPublicKey({ key: Buffer.concat([SPKI_PREFIX, r]), format: 'der', type: 'spki' }));
    }
  }

  /** A signed head, ready to store or hand to a supervisor. */
  sign(statement: HeadStatement): AuditHead {
    const signature = sign(null, message(statement, this.keyId), this.#private).toString('base64');
    return { format: HEAD_FORMAT, ...statement, keyId: this.keyId, publicKey: this.publicKey, signature };
  }

  /** Whether a head was signed, as it stands, by a trusted key. */
  verify(head: Pick<AuditHead, 'lastId' | 'hash' | 'at' | 'keyId' | 'signature'>): boolean {
    const key = this.#trusted.get(head.keyId);
    if (!key) return false;
    try {
      return verify(null, message(head, head.keyId), key, Buffer.from(head.signature, 'base64'));
    } catch {
      return false;
    }
  }
}

/**
 * The signer from configuration. Without a configured key one is generated into `<dataDir>/audit-signing-key`
 * (mode 0600) on first start and read back afterwards; `warning` then says so, since a key beside the data
 * protects against less than one kept apart (docs/adr/0005-audit-chain.md).
 */
export function loadAuditSigner(cfg: { auditSigningKey: string | null; auditTrustedKeys: string[]; dataDir: string }): { signer: AuditSigner; warning: string | null } {
  if (cfg.auditSigningKey) return { signer: new AuditSigner(cfg.auditSigningKey, cfg.auditTrustedKeys), warning: null };
  const { key, file } = generatedKey(cfg.dataDir, KEY_FILE);
  const signer = new AuditSigner(key, cfg.auditTrustedKeys);
  return {
    signer,
    warning: `audit checkpoints are signed with a key generated into ${file}: set LACHAN_AUDIT_SIGNING_KEY (the same in every process) and keep a copy away from the database`,
  };
}
