import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { generatedKey } from '../../common/generated-key.ts';
import { openSecret, sealSecret } from '../../common/sealed-secret.ts';
import { secondFactorRepository } from './second-factor.repository.ts';

const KEY_FILE = 'totp-secrets-key';
const KEY_NAME = 'LACHAN_TOTP_SECRETS_KEY';

/**
 * TOTP secrets at rest: sealed with AES-256-GCM under a key kept outside the database, so a copy of the
 * database (a dump, a backup, a replica) cannot make second-factor codes. A secret cannot be hashed
 * (the server must compute codes from it); sealing is the next best. Secrets stored before sealing
 * (bare base32) still open, and are sealed at the next start.
 */
export class TotpSeal {
  #key: string;
  constructor(key: string) {
    this.#key = key;
  }

  seal(secret: string): string {
    return sealSecret(secret, this.#key);
  }

  /** The secret of a stored value; throws (naming the setting) when it was sealed under another key. */
  open(stored: string): string {
    if (!isSealed(stored) && !stored.startsWith('plain:')) return stored;
    try {
      return openSecret(stored, this.#key, KEY_NAME);
    } catch {
      throw new Error(`a stored TOTP secret does not open with this process's ${KEY_NAME}: every process must have the same key`);
    }
  }
}

/** Whether a stored TOTP secret is sealed (else it is sealed at the next start). */
export const isSealed = (stored: string): boolean => stored.startsWith('gcm:');

/**
 * The key sealing TOTP secrets: `LACHAN_TOTP_SECRETS_KEY`, else one generated on first start into
 * `<dataDir>/totp-secrets-key` (mode 0600), with a warning: several processes need the same key.
 */
export function loadTotpSeal(cfg: { totpSecretsKey: string | null; dataDir: string }): { seal: TotpSeal; warning: string | null } {
  if (cfg.totpSecretsKey) return { seal: new TotpSeal(cfg.totpSecretsKey), warning: null };
  const { key, file } = generatedKey(cfg.dataDir, KEY_FILE);
  return {
    seal: new TotpSeal(key.trim()),
    warning: `TOTP secrets are sealed with a key generated into ${file}: set ${KEY_NAME} (the same in every process) and keep a copy away from the database`,
  };
}

/** Seals the TOTP secrets stored before sealing (at start; idempotent, and safe with several processes). Returns how many. */
export async function sealStoredTotpSecrets(db: Kysely<DB>, seal: TotpSeal): Promise<number> {
  const rows = await secondFactorRepository.unsealed(db);
  for (const r of rows) await secondFactorRepository.reseal(db, r.userId, r.secret, seal.seal(seal.open(r.secret)));
  return rows.length;
}
