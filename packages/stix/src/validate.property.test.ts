import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleObjects } from './testing/samples.ts';
import { compareTimestamps, isStixTimestamp } from './timestamp.ts';
import { validateObject } from './validate.ts';

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const text = fc.oneof(fc.string({ unit: codeUnit, maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom('2026-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:60Z', 'indicator--x', '2.1', ''));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(text, tie('v'), { maxKeys: 4 })),
})).v;
const samples = exampleObjects().map((s) => s.object as Record<string, unknown>);

describe('STIX validation (property-based)', () => {
  it('never throws on any JSON value', () => {
    fc.assert(fc.property(value, (v) => {
      const errors = validateObject(v);
      expect(Array.isArray(errors)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('never throws on a real object with properties replaced by anything', () => {
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(fc.tuple(fc.string({ maxLength: 20 }), value), { maxLength: 5 }), (o, changes) => {
      const keys = Object.keys(o);
      const changed = { ...o };
      for (const [k, v] of changes) changed[k.length % 2 === 0 && keys.length > 0 ? keys[k.length % keys.length]! : k] = v;
      expect(Array.isArray(validateObject(changed))).toBe(true);
    }), { numRuns: 1500 });
  });

  it('accepts only timestamps of years 1–9999, ordered as the instants they name', () => {
    const stamp = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => {
      const iso = d.toISOString();
      return iso.startsWith('+') || iso.startsWith('-') ? iso.slice(3) : iso;
    });
    fc.assert(fc.property(stamp, stamp, (a, b) => {
      expect(isStixTimestamp(a), a).toBe(true);
      expect(Math.sign(compareTimestamps(a, b))).toBe(Math.sign(Date.parse(a) - Date.parse(b)));
    }), { numRuns: 1000 });
    fc.assert(fc.property(text, (t) => {
      if (isStixTimestamp(t)) expect(Number(t.slice(0, 4)), t).toBeGreaterThanOrEqual(1);
    }), { numRuns: 1000 });
  });
});
