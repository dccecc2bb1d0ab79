import { describe, expect, it } from 'vitest';
import { makeCursor, MAX_PAGE, parseTaxiiQuery, TaxiiQueryError } from './taxii-query.ts';

const ALL = ['id', 'type', 'version', 'spec_version'] as const;

describe('TAXII URL filters', () => {
  it('defaults to the last version and the largest page', () => {
    expect(parseTaxiiQuery({}, ALL)).toEqual({
      addedAfter: null, limit: MAX_PAGE, ids: null, types: null, specVersions: null, after: null,
      versions: { all: false, first: false, last: true, keys: [] },
    });
  });

  it('reads comma lists, repeated keys and mixed version lists', () => {
    const f = parseTaxiiQuery({ 'match[type]': ['indicator,malware', 'tool'], 'match[version]': 'last,first,2016-12-25T12:30:59.444Z', limit: '5000' }, ALL);
    expect(f.types).toEqual(['indicator', 'malware', 'tool']);
    expect(f.versions).toEqual({ all: false, first: true, last: true, keys: ['2016-12-25T12:30:59.444000000Z'] });
    expect(f.limit).toBe(MAX_PAGE);
  });

  it('refuses bad limits, timestamps, versions and filters the endpoint does not take', () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ limit: '0' }, /limit must be a positive integer/],
      [{ limit: '-3' }, /limit must be a positive integer/],
      [{ added_after: 'yesterday' }, /added_after must be a timestamp/],
      [{ 'match[version]': 'newest' }, /match\[version\] takes first, last, all or timestamps/],
      [{ 'match[id]': 'indicator--x' }, /match\[id\] is not a filter of this endpoint/],
      [{ next: 'garbage' }, /next is not a value this server gave/],
    ];
    for (const [q, message] of bad) expect(() => parseTaxiiQuery(q, ['version', 'spec_version']), JSON.stringify(q)).toThrow(message);
    expect(() => parseTaxiiQuery({ limit: '0' }, ALL)).toThrow(TaxiiQueryError);
  });

  it('binds next to the filters it was issued for, but lets limit change', () => {
    const first = parseTaxiiQuery({ 'match[type]': 'indicator', limit: '10' }, ALL);
    const next = makeCursor(first, { dateAdded: '2016-11-01T03:04:05.000000Z', seq: '42' });
    expect(parseTaxiiQuery({ 'match[type]': 'indicator', limit: '20', next }, ALL).after).toEqual({ dateAdded: '2016-11-01T03:04:05.000000Z', seq: '42' });
    expect(() => parseTaxiiQuery({ 'match[type]': 'malware', next }, ALL)).toThrow(/filters changed/);
  });
});
