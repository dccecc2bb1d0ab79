/** Builds the console when its sources are newer than the last build (used by start and test). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps/web');
const built = join(web, 'dist/index.html');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs);
}

/** True when a build ran. Throws when it failed. */
export function buildWebIfStale(): boolean {
  const sources = Math.max(newest(join(web, 'src')), newest(join(web, 'index.html')), newest(join(web, 'vite.config.ts')), newest(join(root, 'packages/contracts/src')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return false;
  console.log('Building the console (apps/web)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the console build failed');
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfStale();
