import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { anyDate, anyText, expectSound } from '../testing/arbitraries.ts';
import { parseSyslogLine } from './syslog-parse.ts';

const CTX = { receivedAt: new Date('2026-06-01T00:00:00Z'), timeZone: 'Asia/Ho_Chi_Minh' };
/** Printable US-ASCII without space (RFC 5424 header fields), and without `=`, `]`, `"` for SD names. */
const printable = (max: number, extra = '') => fc.stringMatching(new RegExp(`^[!-~]{1,${max}}$`)).filter((s) => !/[=\]"]/.test(s) || extra === 'any');
const sdName = printable(32);
const nil = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const escapeSd = (s: string) => s.replace(/["\\\]]/g, (c) => `\\${c}`);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('syslog (property-based)', () => {
  it('reads back every part of an RFC 5424 line it was given', () => {
    const time = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true });
    const sd = fc.array(fc.tuple(sdName, fc.array(fc.tuple(sdName, anyText), { maxLength: 4 })), { maxLength: 4 });
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 191 }), nil(time), nil(printable(255, 'any').filter((s) => s !== '-')), nil(printable(48, 'any').filter((s) => s !== '-')),
      nil(printable(128, 'any').filter((s) => s !== '-')), nil(printable(32, 'any').filter((s) => s !== '-')), sd, fc.option(anyText, { nil: undefined }),
      (pri, t, host, app, proc, msgId, elements, msg) => {
        const ts = t === null ? '-' : `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}Z`;
        const sdText = elements.length === 0 ? '-' : elements.map(([id, params]) => `[${id}${params.map(([n, v]) => ` ${n}="${escapeSd(v)}"`).join('')}]`).join('');
        const line = `<${pri}>1 ${ts} ${host ?? '-'} ${app ?? '-'} ${proc ?? '-'} ${msgId ?? '-'} ${sdText}${msg === undefined ? '' : ` ${msg}`}`;
        const m = parseSyslogLine(line, CTX);
        expect(m).toMatchObject({ rfc: 5424, facility: pri >> 3, severity: pri & 7, time: t === null ? null : t.getTime(), hostname: host, appName: app, procId: proc, msgId });
        expect(m.structuredData).toEqual(elements.map(([id, params]) => ({ id, params })));
        expect(m.message).toBe(msg === undefined ? '' : msg.replace(/^\ufeff/, ''));
      },
    ), { numRuns: 1000 });
  });

  it('maps any line, well-formed or not, without throwing and keeping every invariant', () => {
    const line = fc.oneof(
      anyText,
      fc.tuple(fc.integer({ min: -5, max: 999 }), anyText).map(([p, rest]) => `<${p}>1 ${rest}`),
      fc.tuple(fc.integer({ min: 0, max: 191 }), anyText, anyText).map(([p, ts, rest]) => `<${p}>1 ${ts} host app - - - ${rest}`),
      fc.tuple(fc.constantFrom('Jan', 'Feb', 'Dec', 'Xyz'), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10_000 }), anyText).map(([mo, d, y, rest]) => `<13>${mo} ${d} ${y} 23:59:59 host app: ${rest}`),
      fc.tuple(anyText, anyText).map(([sd, rest]) => `<13>1 2026-01-01T00:00:00Z h a - - [${sd}] ${rest}`),
    );
    fc.assert(fc.property(line, anyDate, fc.constantFrom('Asia/Ho_Chi_Minh', 'UTC', 'Pacific/Pago_Pago'), (l, receivedAt, timeZone) => {
      expectSound(parseAlert('syslog', l, { receivedAt, timeZone }), l);
    }), { numRuns: 1500 });
  });
});
