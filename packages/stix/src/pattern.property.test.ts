import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePattern } from './pattern.ts';
import { patternObservables } from './pattern-observables.ts';

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const token = fc.constantFrom('[', ']', '(', ')', ':', '.', ',', '*', "'", "\\'", '\\\\', '\\', '=', '!=', '<=', 'IN', 'LIKE', 'MATCHES', 'AND', 'OR', 'NOT', 'FOLLOWEDBY',
  'WITHIN', 'SECONDS', 'REPEATS', 'TIMES', 'START', 'STOP', "t'2026-01-01T00:00:00Z'", "h'ff'", "b'AA=='", 'ipv4-addr:value', 'file:hashes.MD5', "'1.2.3.4'",
  '10', '-1.5', 'true', ' ', '\u0000', '\ud800', 'x');
/** Any text, from raw code units to pattern-shaped token soup. */
const anyText = fc.oneof(fc.string({ unit: codeUnit, maxLength: 120 }), fc.array(token, { maxLength: 40 }).map((a) => a.join(' ')), fc.array(token, { maxLength: 40 }).map((a) => a.join('')));

const quote = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const ipv4 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }).map((o) => o.join('.'));
/** A comparison the reader turns into one observable, and that observable. */
const pinned = fc.oneof(
  ipv4.map((v) => ({ text: `ipv4-addr:value = ${quote(v)}`, type: 'ipv4', value: v })),
  fc.tuple(ipv4, fc.integer({ min: 0, max: 31 })).map(([v, b]) => ({ text: `ipv4-addr:value = '${v}/${b}'`, type: 'cidr', value: `${v}/${b}` })),
  fc.tuple(label, fc.stringMatching(/^[a-z]{2,6}$/)).map(([l, tld]) => ({ text: `domain-name:value = '${l}.${tld}'`, type: 'domain', value: `${l}.${tld}` })),
  fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => ({ text: `file:hashes.'SHA-256' = '${h.toUpperCase()}'`, type: 'sha256', value: h })),
  fc.tuple(label, fc.stringMatching(/^[a-z0-9/?=&'.-]{0,20}$/)).map(([h, p]) => ({ text: `url:value = ${quote(`https://${h}.example/${p}`)}`, type: 'url', value: `https://${h}.example/${p}` })),
  fc.tuple(fc.stringMatching(/^[a-z0-9._-]{1,10}$/), label).map(([u, d]) => ({ text: `email-addr:value = '${u}@${d}.example'`, type: 'email', value: `${u}@${d}.example` })),
);
/** A comparison that is valid but pins no value (another operator, NOT, or a path the matcher ignores). */
const unpinned = fc.constantFrom("file:name = 'x.exe'", "ipv4-addr:value != '1.2.3.4'", "domain-name:value NOT = 'a.example'", "url:value LIKE '%evil%'", 'network-traffic:dst_port > 1024', "file:hashes.MD5 IN ('00', '11')");
const qualifier = fc.constantFrom('', ' WITHIN 60 SECONDS', ' REPEATS 3 TIMES', " START t'2026-01-01T00:00:00Z' STOP t'2026-01-02T00:00:00Z'");

/** A pattern of observations joined by AND, OR and FOLLOWEDBY, and the observables it pins. */
const pattern = fc.array(fc.tuple(fc.array(fc.oneof({ weight: 3, arbitrary: pinned.map((p) => ({ ...p, pin: true })) }, unpinned.map((text) => ({ text, pin: false, type: '', value: '' }))), { minLength: 1, maxLength: 4 }),
  fc.constantFrom(' AND ', ' OR '), qualifier), { minLength: 1, maxLength: 5 })
  .chain((obs) => fc.array(fc.constantFrom(' AND ', ' OR ', ' FOLLOWEDBY '), { minLength: obs.length - 1, maxLength: obs.length - 1 }).map((ops) => {
    const text = obs.map(([cmp, join, q], i) => `${i > 0 ? ops[i - 1] : ''}[${cmp.map((c) => c.text).join(join)}]${q}`).join('');
    const pins = obs.flatMap(([cmp]) => cmp.filter((c) => c.pin).map((c) => ({ type: c.type, value: c.value })));
    return { text, pins };
  }));

describe('the STIX pattern reader (property-based)', () => {
  it('never throws: a pattern that does not parse comes back as a failure with its reason', () => {
    fc.assert(fc.property(anyText, (p) => {
      const parsed = parsePattern(p);
      const obs = patternObservables(p);
      expect(parsed.ok).toBe(obs.ok);
      if (!parsed.ok) expect(parsed.error).toMatch(/^malformed STIX pattern: /);
    }), { numRuns: 3000 });
  });

  it('reads back exactly the values a generated pattern pins, each once', () => {
    fc.assert(fc.property(pattern, ({ text, pins }) => {
      const r = patternObservables(text);
      expect(r.ok, text).toBe(true);
      if (!r.ok) return;
      const want = [...new Map(pins.map((p) => [`${p.type} ${p.value}`, p])).values()];
      expect(r.observables, text).toEqual(want);
      for (const o of r.observables) if (o.type !== 'url') expect(text.toLowerCase().includes(o.value.replace(/\/\d+$/, '')), `${o.value} in ${text}`).toBe(true);
    }), { numRuns: 1000 });
  });

  it('reads long and deeply nested patterns without throwing and in time that grows with their length', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30_000 }), fc.constantFrom('chain', 'nest', 'brackets'), (n, shape) => {
      const text = shape === 'chain' ? Array.from({ length: n }, () => "[ipv4-addr:value = '1.2.3.4']").join(' AND ')
        : shape === 'nest' ? `${'('.repeat(n)}[ipv4-addr:value = '1.2.3.4']${')'.repeat(n)}`
          : `[${'('.repeat(n)}ipv4-addr:value = '1.2.3.4'${')'.repeat(n)}]`;
      const began = performance.now();
      const r = patternObservables(text);
      expect(performance.now() - began).toBeLessThan(3000);
      if (r.ok) expect(r.observables).toEqual([{ type: 'ipv4', value: '1.2.3.4' }]);
      else expect(r.error).toMatch(/STIX pattern/);
    }), { numRuns: 25 });
  });
});
