import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { anyDate, anyText, expectSound } from '../testing/arbitraries.ts';
import { parseCefMessage } from './cef-parse.ts';

/** CEF escaping (formats.md §4): header `\` and `|`; extension `\`, `=`, line feed and carriage return. */
const escapeHeader = (s: string) => s.replace(/[\\|]/g, (c) => `\\${c}`);
const escapeValue = (s: string) => s.replace(/[\\=\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`));
const trimEnd = (s: string) => s.replace(/[ \t\n\r]+$/, '');

const key = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.,[\]]{0,20}$/);
const extension = fc.uniqueArray(fc.tuple(key, anyText), { selector: ([k]) => k, maxLength: 12 });
const header = fc.tuple(fc.stringMatching(/^\d{1,3}$/), anyText, anyText, anyText, anyText, anyText, fc.stringMatching(/^[A-Za-z0-9-]{0,10}$/));

describe('CEF (property-based)', () => {
  it('reads back every header field and extension value it was given, escapes undone', () => {
    fc.assert(fc.property(header, extension, ([version, ...fields], ext) => {
      const line = `CEF:${version}|${fields.map(escapeHeader).join('|')}|${ext.map(([k, v]) => `${k}=${escapeValue(v)}`).join(' ')}`;
      const e = parseCefMessage(line, 0);
      expect([e.deviceVendor, e.deviceProduct, e.deviceVersion, e.deviceEventClassId, e.name]).toEqual(fields.slice(0, 5));
      expect(e.severity).toBe(fields[5]!.trim());
      const want = ext.map(([k, v], i) => [k, i === ext.length - 1 ? trimEnd(v) : v]);
      expect([...e.extensions]).toEqual(want);
    }), { numRuns: 1000 });
  });

  it('maps any CEF line, well-formed or not, without throwing and keeping every invariant', () => {
    const line = fc.oneof(
      fc.tuple(header, extension).map(([[v, ...f], ext]) => `CEF:${v}|${f.map(escapeHeader).join('|')}|${ext.map(([k, x]) => `${k}=${escapeValue(x)}`).join(' ')}`),
      fc.tuple(anyText, anyText).map(([a, b]) => `CEF:0|${a}|${b}`),
      fc.tuple(fc.constantFrom('rt=', 'end=', 'start=', 'src=', 'dst=', 'spt=', 'cs1=', 'fileHash='), anyText).map(([k, v]) => `CEF:0|a|b|c|d|e|5|${k}${v}`),
    );
    fc.assert(fc.property(line, anyDate, (l, receivedAt) => expectSound(parseAlert('cef', l, { receivedAt }), l)), { numRuns: 1000 });
  });
});
