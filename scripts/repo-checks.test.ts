import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

/** Test code: test files, test helpers (`testing/`, `support/`), the browser tier and the benchmarks' tests. */
function testCode(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') testCode(path, out);
    } else if (/\.tsx?$/.test(entry.name) && (/\.test\.tsx?$/.test(entry.name) || /(^|\/)(testing|support|e2e)\//.test(path))) {
      out.push(path);
    }
  }
  return out;
}

// A plain clone must pass `npm test`: every file a test reads lives in the repository (public samples under
// fixtures/public, with their sources and licences in its README).
describe('tests stay inside the repository', () => {
  const files = ['apps', 'packages', 'bench', 'e2e', 'scripts'].flatMap((d) => testCode(d));

  it('finds the test code it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('resolves every relative path a test names inside the repository', () => {
    const escapes: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/['"`]((?:\.\.\/)+[^'"`$]*)/g)) {
        const target = resolve(dirname(join(root, file)), m[1]!);
        if (!(target + sep).startsWith(root)) escapes.push(`${file}: ${m[1]} -> ${target}`);
      }
    }
    expect(escapes).toEqual([]);
  });

  it('names no absolute path outside the repository (/work, /home, /root)', () => {
    const found = files.filter((f) => /['"`]\/(work|home|root)\//.test(readFileSync(join(root, f), 'utf8'))).map((f) => relative(root, join(root, f)));
    expect(found).toEqual([]);
  });
});
