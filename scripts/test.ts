/**
 * `npm test`: the whole suite (unit, integration, browser) on the embedded engine, or on PostgreSQL
 * when TEST_DATABASE_URL is set. Ends with one line `N passed, M failed` and a non-zero exit on failure.
 * Extra arguments go to Vitest (e.g. `npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
const report = join(root, '.tmp', `vitest-${engine}.json`);
mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(report, { force: true });

buildWebIfStale();
console.log(`Running tests on ${engine === 'postgres' ? `PostgreSQL (${new URL(process.env.TEST_DATABASE_URL!).host})` : 'embedded PGlite'}`);
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: { status: string; assertionResults: unknown[] }[] };
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  skipped = r.numPendingTests + r.numTodoTests;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`\n${engine}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
