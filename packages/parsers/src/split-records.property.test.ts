import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRecords } from './split-records.ts';
import { anyFormat, anyJson, anyText } from './testing/arbitraries.ts';

const records = (r: ReturnType<typeof splitRecords>) => ('records' in r ? r.records : null);
const MEDIA = [undefined, 'application/json', 'application/x-ndjson', 'text/plain', 'application/json; charset=utf-8'];
/** A line that holds no line break and is not blank. */
const line = anyText.map((s) => s.replace(/[\r\n]/g, ' ').replace(/^\ufeff+/, '')).filter((s) => /[^\s\ufeff]/.test(s));
const object = fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { minKeys: 1, maxKeys: 5 });

describe('splitRecords (property-based)', () => {
  it('never throws on any body, and answers records or one stable error', () => {
    fc.assert(fc.property(anyFormat, anyText, fc.constantFrom(...MEDIA), (format, body, media) => {
      const r = splitRecords(format, body, media);
      if ('error' in r) expect(r.error.code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      else expect(Array.isArray(r.records)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('cuts JSON-format bodies only into pieces of the body: nothing is invented', () => {
    fc.assert(fc.property(fc.constantFrom('lachan', 'ecs', 'wazuh', 'suricata') as fc.Arbitrary<'ecs'>, anyText, fc.constantFrom(...MEDIA), (format, body, media) => {
      for (const rec of records(splitRecords(format, body, media)) ?? []) expect(body.includes(rec), JSON.stringify(rec)).toBe(true);
    }), { numRuns: 1500 });
  });

  it('gives back NDJSON lines as they were sent, blank lines skipped', () => {
    fc.assert(fc.property(anyFormat, fc.array(line, { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\n\n'), (format, lines, nl) => {
      expect(records(splitRecords(format, lines.join(nl), 'application/x-ndjson'))).toEqual(lines);
    }), { numRuns: 500 });
  });

  it('gives back the elements of a JSON array of objects, each parsing to what was sent', () => {
    fc.assert(fc.property(fc.array(object, { maxLength: 20 }), fc.constantFrom('', ' ', '\n  '), (items, gap) => {
      const body = `[${gap}${items.map((o) => JSON.stringify(o)).join(`,${gap}`)}${gap}]`;
      const out = records(splitRecords('ecs', body, 'application/json'))!;
      expect(out.map((r) => JSON.parse(r) as unknown)).toEqual(items.map((o) => JSON.parse(JSON.stringify(o)) as unknown));
    }), { numRuns: 400 });
  });

  it('keeps every good element of an array when one element between them is broken', () => {
    const broken = fc.constantFrom('{"a": [}', '{"a": "unclosed}', '{"a": tru }', '{"a":1}}', '{{', 'garbage', '{"a": [1, {"b": }]}');
    fc.assert(fc.property(fc.array(object, { minLength: 1, maxLength: 10 }), fc.array(object, { minLength: 1, maxLength: 10 }), broken, (before, after, bad) => {
      const body = `[${[...before, bad, ...after].map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join(',\n')}]`;
      const out = records(splitRecords('wazuh', body, 'application/json'))!;
      const parsed = out.flatMap((r) => { try { return [JSON.parse(r) as unknown]; } catch { return []; } });
      for (const o of [...before, ...after]) expect(parsed).toContainEqual(JSON.parse(JSON.stringify(o)));
    }), { numRuns: 400 });
  });

  it('gives back the strings of a JSON array of strings for cef and syslog', () => {
    fc.assert(fc.property(fc.constantFrom('cef', 'syslog') as fc.Arbitrary<'cef'>, fc.array(line, { maxLength: 20 }), (format, lines) => {
      expect(records(splitRecords(format, JSON.stringify(lines), 'application/json'))).toEqual(lines.filter((l) => l.trim() !== ''));
    }), { numRuns: 400 });
  });
});
