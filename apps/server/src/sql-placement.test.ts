import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// SQL lives in repositories (STYLE.md habit 3; issue 15). A ratchet on what is still outside them: each
// non-test, non-repository file under modules/ may hold at most its count below, a file not listed none,
// and a count that has gone down must be lowered here, so the number only falls. Counted: calls of
// `.execute(`, `.executeTakeFirst(`, `.executeTakeFirstOrThrow(` (not a transaction's `.transaction().execute(`)
// and `sql` template tags (`sql\`` or `sql<T>\``); a raw statement `sql\`...\`.execute(db)` counts twice.
// Total allowed: 167 in 43 files (docs/wiring.md, "SQL outside repositories").

/** The allowance of each file, relative to `apps/server/src/modules`. */
const ALLOWED: Record<string, number> = {
  'alerts/alerts.service.ts': 2,
  'alerts/asset-cache.ts': 1,
  'alerts/assets.service.ts': 5,
  'alerts/fingerprint-cache.ts': 2,
  'alerts/id-reserve.ts': 2,
  'alerts/partitions.ts': 2,
  'alerts/syslog-listener.ts': 1,
  'apikeys/apikeys.service.ts': 1,
  'assessments/assessment-deadlines.worker.ts': 4,
  'assessments/assessments.service.ts': 1,
  'campaigns/campaign.engine.ts': 2,
  'campaigns/mass-scanning-list.ts': 2,
  'incidents/alert-links.ts': 4,
  'incidents/alert-triage.service.ts': 6,
  'incidents/attachments.service.ts': 6,
  'incidents/exercise-incidents.ts': 9,
  'incidents/false-positive-feedback.ts': 6,
  'incidents/incident-clock.ts': 4,
  'incidents/incident-visibility.ts': 4,
  'incidents/promotion-counts.ts': 4,
  'incidents/promotion-preview.ts': 4,
  'incidents/promotion-rules.service.ts': 7,
  'incidents/promotion-timeline.ts': 2,
  'incidents/promotion-writer.ts': 8,
  'incidents/promotion.engine.ts': 6,
  'incidents/reminders.worker.ts': 6,
  'intel/attack-offline.ts': 4,
  'intel/exercise-scope.ts': 2,
  'intel/exports.service.ts': 4,
  'intel/feeds.service.ts': 10,
  'intel/indicator-index.ts': 6,
  'intel/indicators.service.ts': 2,
  'intel/sightings.worker.ts': 2,
  'orgs/demo-seed.ts': 1,
  'orgs/org-tree.ts': 3,
  'registry/systems.service.ts': 1,
  'stats/history.service.ts': 2,
  'stats/hourly.ts': 9,
  'stats/surge-watcher.worker.ts': 2,
  'users/users.service.ts': 2,
  'warnings/exercise-warnings.ts': 6,
  'warnings/policies.service.ts': 6,
  'warnings/proposals.ts': 4,
};

const modulesDir = fileURLToPath(new URL('./modules', import.meta.url));
const EXECUTE = /\.(?:execute|executeTakeFirst|executeTakeFirstOrThrow)\(/g;
const SQL_TAG = /\bsql(?:<[^`]*?>)?`/g;
const TRANSACTION_BEFORE = /transaction\(\)(?:\s*\.\w+\([^()]*\))*\s*$/;

/** The source files that the ratchet scans: under modules/, not tests, not repositories. */
function scannedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scannedFiles(path);
    const scanned = path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.repository.ts');
    return scanned ? [path] : [];
  });
}

/** How many SQL statements and fragments `source` holds (see the counting rule above). */
function sqlMarkers(source: string): number {
  const executes = [...source.matchAll(EXECUTE)]
    .filter((m) => !TRANSACTION_BEFORE.test(source.slice(Math.max(0, m.index - 200), m.index))).length;
  return executes + [...source.matchAll(SQL_TAG)].length;
}

const counted = new Map(scannedFiles(modulesDir).map((path) => [relative(modulesDir, path), sqlMarkers(readFileSync(path, 'utf8'))]));
const totalAllowed = Object.values(ALLOWED).reduce((sum, n) => sum + n, 0);

describe(`SQL outside repositories (${totalAllowed} allowed in ${Object.keys(ALLOWED).length} files)`, () => {
  it('counts statements, fragments and not transactions', () => {
    expect(sqlMarkers("await sql<Row>`select 1`.execute(db);\nawait db.transaction().execute(async (tx) => {});")).toBe(2);
    expect(sqlMarkers('await db.selectFrom(\'t\').where(sql`a = 1`).executeTakeFirst();')).toBe(2);
    expect(sqlMarkers('await db.transaction()\n  .setIsolationLevel(\'serializable\')\n  .execute(fn);')).toBe(0);
  });

  it('grows in no file', () => {
    const over = [...counted].filter(([file, n]) => n > (ALLOWED[file] ?? 0)).map(([file, n]) => `${file}: ${n} > ${ALLOWED[file] ?? 0}`);
    expect(over, 'move the new SQL into a repository').toEqual([]);
  });

  it('is lowered where SQL has moved out', () => {
    const slack = Object.entries(ALLOWED).filter(([file, n]) => (counted.get(file) ?? 0) < n)
      .map(([file]) => `${file}: lower to ${counted.get(file) ?? 0}`);
    expect(slack, 'tighten ALLOWED in sql-placement.test.ts').toEqual([]);
  });
});
