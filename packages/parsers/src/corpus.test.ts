import { describe, expect, it } from 'vitest';
import { loadGoldens, runGolden } from './testing/corpus.ts';

// The real-sample corpus (fixtures/public/corpus): every record parses to its golden fields, or is
// quarantined by design with its golden reason. A record quarantined or mis-read by defect fails here.
const goldens = loadGoldens();

describe('real-sample corpus', () => {
  it('holds at least 1,000 records of at least 20 products in all six formats', () => {
    const records = goldens.reduce((n, g) => n + g.records.length, 0);
    expect(records).toBeGreaterThanOrEqual(1000);
    expect(new Set(goldens.map((g) => g.product)).size).toBeGreaterThanOrEqual(20);
    expect([...new Set(goldens.map((g) => g.format))].sort()).toEqual(['cef', 'ecs', 'lachan', 'suricata', 'syslog', 'wazuh']);
  });

  for (const g of goldens) {
    it(`${g.format} ${g.product} (${g.file})`, () => {
      const defects = runGolden(g).filter((r) => r.verdict === 'defect').map((r) => `record ${r.index}: ${r.problems.join('; ')}`);
      expect(defects).toEqual([]);
    });
  }
});
