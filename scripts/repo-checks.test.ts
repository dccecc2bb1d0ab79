import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (script: string) => spawnSync(process.execPath, script.split(' '), { cwd: root, encoding: 'utf8' });

// The type check and the lint (with the package boundaries of ARCHITECTURE.md §1) are part of the suite.
describe('repository checks', () => {
  it('type-checks the server, packages and console (tsc --noEmit, strict)', () => {
    for (const project of ['tsconfig.json', 'apps/web/tsconfig.json']) {
      const r = run(`node_modules/typescript/bin/tsc --noEmit -p ${project}`);
      expect(r.stdout + r.stderr, project).toBe('');
      expect(r.status).toBe(0);
    }
  }, 180_000);

  it('lints clean, package boundaries included', () => {
    const r = run('node_modules/eslint/bin/eslint.js . --max-warnings 0');
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);
});
