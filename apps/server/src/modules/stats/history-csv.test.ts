import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../common/csv-records.ts';
import { parseHistoryCsv } from './history-csv.ts';

const bounds = { earliest: '2020-01-01', before: '2026-11-21' };

describe('history CSV', () => {
  it('reads RFC 4180 records: quoted commas, doubled quotes, line breaks inside quotes, CRLF, a byte-order mark', () => {
    expect(csvRecords('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', 'say "hi"'] }, { line: 3, fields: ['two\nlines', '3'] },
    ]);
  });

  it('takes optional columns in any order, with defaults', () => {
    const { rows, errors } = parseHistoryCsv('alerts,day,org,severity\n5,2026-11-20,org-a,\n', bounds);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, day: '2026-11-20', org: 'org-a', sector: null, rsitClass: '', severity: 0, alerts: 5, occurrences: 5 }]);
  });

  it('refuses unknown or missing columns before reading any row', () => {
    expect(parseHistoryCsv('day,org,count\n', bounds).errors).toEqual([
      { line: 1, column: 'count', message: expect.stringContaining('unknown column') }, { line: 1, column: 'alerts', message: 'required column missing' },
    ]);
    expect(parseHistoryCsv('', bounds).errors[0]!.message).toContain('empty');
  });

  it('reports each bad row with its line and column', () => {
    const { errors } = parseHistoryCsv(['day,org,alerts,rsit_class', '2026-11-21,a,1,', '2019-12-31,a,1,', '2026-11-19,a,1.5,', '2026-11-19,a,1,phishing', '2026-11-19,a,1', '2026-11-18,,1,'].join('\n'), bounds);
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, 'day'], [3, 'day'], [4, 'alerts'], [5, 'rsit_class'], [6, null], [7, 'org']]);
  });
});
