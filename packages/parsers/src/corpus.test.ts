import { describe, expect, it } from 'vitest';
import { loadGoldens, runGolden } from './testing/corpus.ts';

// The real-sample corpus (fixtures/public/corpus): every record parses to its golden fields, or is
// quarantined by design with its golden reason. A record quarantined or mis-read by defect fails here.
const goldens = loadGoldens();

describe('real-sample corpus', () => {
  it('holds records of many products in every text and JSON format', () => {
    const records = goldens.reduce((n, g) => n + g.records.length, 0);
    expect(records).toBeGreaterThanOrEqual(400);
    expect(new Set(goldens.map((g) => g.product)).size).toBeGreaterThanOrEqual(20);
  });

  for (const g of goldens) {
    it(`${g.format} ${g.product} (${g.file})`, () => {
      const defects = runGolden(g).filter((r) => r.verdict === 'defect').map((r) => `record ${r.index}: ${r.problems.join('; ')}`);
      expect(defects).toEqual([]);
    });
  }
});
