import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A key kept in the data directory when none is configured: 32 random bytes (base64) written to
 * `<dataDir>/<name>` (mode 0600) on first start and read back afterwards. Returns the key and its file.
 */
export function generatedKey(dataDir: string, name: string): { key: string; file: string } {
  const dir = resolve(dataDir);
  const file = join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // `wx`: two processes starting at once must not each write a different key.
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return { key: readFileSync(file, 'utf8'), file };
}
