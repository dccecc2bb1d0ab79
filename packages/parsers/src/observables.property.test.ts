import { OBSERVABLE_TYPES, type ObservableType } from '@lachan/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './extract.ts';
import { normaliseIPv4, normaliseIPv6 } from './ip.ts';
import { ObservableSet } from './observable-set.ts';
import { normaliseObservable, refang } from './observables.ts';
import { anyText, storable } from './testing/arbitraries.ts';

const octet = fc.integer({ min: 0, max: 255 });
const group = fc.integer({ min: 0, max: 0xffff });
/** An IPv6 address written in one of the usual ways: full, zero-padded, upper case, or with `::`. */
const ipv6Text = fc.tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.constantFrom('plain', 'padded', 'upper')).map(([g, style]) => {
  const hex = g.map((x) => (style === 'padded' ? x.toString(16).padStart(4, '0') : x.toString(16)));
  const text = hex.join(':');
  return { groups: g, text: style === 'upper' ? text.toUpperCase() : text };
});

describe('observable normalisers (property-based)', () => {
  it('never throw, and give a canonical value that is its own normal form', () => {
    fc.assert(fc.property(fc.constantFrom(...OBSERVABLE_TYPES) as fc.Arbitrary<ObservableType>, anyText, (type, raw) => {
      const v = normaliseObservable(type, raw);
      if (v !== null) expect(normaliseObservable(type, v), `${type} ${JSON.stringify(raw)} -> ${v}`).toBe(v);
    }), { numRuns: 3000 });
  });

  it('read a dotted quad as its four octets (0.0.0.0 refused)', () => {
    fc.assert(fc.property(fc.array(octet, { minLength: 4, maxLength: 4 }), fc.boolean(), (o, zeroPad) => {
      const text = o.map((x) => (zeroPad ? String(x).padStart(3, '0') : String(x))).join('.');
      expect(normaliseIPv4(text)).toBe(o.every((x) => x === 0) ? null : o.join('.'));
    }), { numRuns: 1000 });
  });

  it('write IPv6 addresses as RFC 5952 does (the WHATWG URL parser agrees), :: refused', () => {
    fc.assert(fc.property(ipv6Text, ({ groups, text }) => {
      const mapped = groups.slice(0, 5).every((x) => x === 0) && groups[5] === 0xffff;
      const v = normaliseIPv6(text);
      if (groups.every((x) => x === 0)) return expect(v).toBeNull();
      if (mapped) return expect(v).toMatch(/^::ffff:\d+\.\d+\.\d+\.\d+$/);
      expect(v).toBe(new URL(`http://[${text}]/`).hostname.slice(1, -1));
    }), { numRuns: 2000 });
  });
});

describe('indicators found in free text (property-based)', () => {
  it('never throws; every observable is canonical, storable, and (addresses, digests, e-mail) written in the text', () => {
    fc.assert(fc.property(anyText, (text) => {
      const obs = new ObservableSet();
      extractIndicators(text, obs);
      expect(obs.items.length).toBeLessThanOrEqual(200);
      const plain = refang(text).toLowerCase();
      for (const o of obs.items) {
        expect(normaliseObservable(o.type, o.value), `${o.type} ${o.value}`).toBe(o.value);
        expect(storable(o.value)).toBe(true);
        if (['ipv4', 'md5', 'sha1', 'sha256', 'email'].includes(o.type)) expect(plain.includes(o.value), `${o.type} ${o.value} in ${JSON.stringify(text)}`).toBe(true);
      }
    }), { numRuns: 2000 });
  });

  it('finds every address, digest and e-mail address planted in noise', () => {
    const planted = fc.oneof(
      fc.array(fc.integer({ min: 1, max: 254 }), { minLength: 4, maxLength: 4 }).map((o) => ({ type: 'ipv4', value: o.join('.') })),
      fc.stringMatching(/^[0-9a-f]{64}$/).filter((h) => !/^0+$/.test(h)).map((h) => ({ type: 'sha256', value: h })),
      fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), fc.stringMatching(/^[a-z]{1,10}$/)).map(([u, d]) => ({ type: 'email', value: `${u}@${d}.example` })),
    );
    const filler = fc.array(fc.constantFrom('failed login', 'from', 'port 22', 'user=root', '->', '(', ')', '"', '\u0000', 'ok.'), { maxLength: 6 }).map((a) => a.join(' '));
    fc.assert(fc.property(fc.array(fc.tuple(filler, planted), { minLength: 1, maxLength: 10 }), filler, (parts, tail) => {
      const text = `${parts.map(([f, p]) => `${f} ${p.value}`).join(' ')} ${tail}`;
      const obs = new ObservableSet();
      extractIndicators(text, obs);
      for (const [, p] of parts) expect(obs.items, text).toContainEqual(expect.objectContaining(p));
    }), { numRuns: 500 });
  });
});
