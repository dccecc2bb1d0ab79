import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';

/**
 * The bad-input corpus of bundle intake (`POST /api/v1/intel/bundles`, read as a stream): a body is
 * either refused with a 4xx in the one error shape, or read, answered 202, and its run counts every
 * object it received as stored, duplicate or invalid (with a reason). Never a 5xx. One line per case.
 */
const TS = '2024-03-01T10:00:00.000Z';
let seq = 0;
const indicator = (over: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id: `indicator--${(++seq).toString(16).padStart(8, '0')}-7777-4a5e-9d2b-8d6a0b1c2d3e`, created: TS, modified: TS,
  pattern: "[ipv4-addr:value = '198.51.100.1']", pattern_type: 'stix', valid_from: TS, ...over,
});
const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });
const around = (poison: unknown) => bundle([indicator(), poison, indicator()]);

type Case = [name: string, body: () => string | Buffer, expect: { refused: number } | { received: number; invalid: number }];
const CASES: Case[] = [
  ['not JSON at all', () => 'hello', { refused: 400 }],
  ['binary bytes', () => Buffer.from([0xff, 0x00, 0x7b, 0x80, 0xfe]), { refused: 400 }],
  ['an empty body', () => '', { refused: 400 }],
  ['a JSON object that is not a bundle', () => JSON.stringify({ type: 'report', objects: [indicator()] }), { refused: 400 }],
  ['a bundle cut short after one object', () => around(indicator()).slice(0, around(indicator()).indexOf('},{') + 2), { refused: 400 }],
  ['gzip bytes (no Content-Encoding is read here)', () => gzipSync(Buffer.from(bundle([indicator()]))), { refused: 400 }],
  ['deep nesting (1,000,000 levels) as the body', () => '['.repeat(1_000_000), { refused: 400 }],
  ['objects nested 200,000 levels deep', () => bundle([]).replace('"objects":[]', `"objects":[${'['.repeat(200_000)}${']'.repeat(200_000)}]`), { received: 1, invalid: 1 }],
  ['an object with a NUL escape', () => around(indicator({ description: 'a\u0000b' })), { received: 3, invalid: 1 }],
  ['an object with a lone surrogate', () => around(indicator({ name: 'a\ud800b' })), { received: 3, invalid: 1 }],
  ['an object with a NUL escape in a property name', () => around({ ...indicator(), 'x_a\u0000': 1 }), { received: 3, invalid: 1 }],
  ['an object dated year 0000', () => around(indicator({ created: '0000-01-01T00:00:00Z' })), { received: 3, invalid: 1 }],
  ['an object dated past 9999', () => around(indicator({ valid_until: '10000-01-01T00:00:00Z' })), { received: 3, invalid: 1 }],
  ['an impossible calendar date', () => around(indicator({ created: '2024-02-30T00:00:00Z' })), { received: 3, invalid: 1 }],
  ['a number beyond a double', () => around(indicator()).replace('"valid_from"', '"x_big":1e400,"valid_from"'), { received: 3, invalid: 1 }],
  // The stream is read as UTF-8: an invalid byte becomes U+FFFD, as any UTF-8 reader does.
  ['invalid UTF-8 inside a string', () => { const [a, b] = around(indicator({ name: '@@' })).split('@@') as [string, string]; return Buffer.concat([Buffer.from(a), Buffer.from([0xff, 0xfe]), Buffer.from(b)]); }, { received: 3, invalid: 0 }],
  ['a pattern that does not parse', () => around(indicator({ pattern: "[ipv4-addr:value = '1.2.3.4'" })), { received: 3, invalid: 1 }],
  ['a pattern of 20,000 ORed comparisons', () => around(indicator({ pattern: `[${Array.from({ length: 20_000 }, (_, i) => `ipv4-addr:value = '203.0.113.${i % 250}'`).join(' OR ')}]` })), { received: 3, invalid: 0 }],
  ['a pattern nested 100,000 parentheses deep', () => around(indicator({ pattern: `${'('.repeat(100_000)}[ipv4-addr:value = '1.2.3.4']${')'.repeat(100_000)}` })), { received: 3, invalid: 1 }],
  ['SQL injection in a name', () => around(indicator({ name: "x'); drop table stix_objects; --" })), { received: 3, invalid: 0 }],
  ['script injection in a description', () => around(indicator({ description: '<script>alert(1)</script>' })), { received: 3, invalid: 0 }],
  ['a custom property', () => around(indicator({ x_corpus_note: 'kept' })), { received: 3, invalid: 0 }],
  ['a property name with a dash', () => around({ ...indicator(), 'not-allowed': 1 }), { received: 3, invalid: 1 }],
  ['__proto__ in an object', () => around(indicator()).replace('"type":"indicator"', '"__proto__":{"polluted":true},"type":"indicator"'), { received: 3, invalid: 1 }],
  ['an object that is a string', () => around('indicator--1'), { received: 3, invalid: 1 }],
  ['null among the objects', () => around(null), { received: 3, invalid: 1 }],
  ['2,500 objects, every one invalid', () => bundle(Array.from({ length: 2500 }, () => ({ type: 'indicator' }))), { received: 2500, invalid: 2500 }],
];

let t: TestApp;
let analyst: Caller;
beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.userIn('bank-sgb', 'analyst');
});
afterAll(() => t?.close());

describe('bad input to bundle intake: refused in the one error shape, or every object counted', () => {
  for (const [name, body, expected] of CASES) {
    it(name, async () => {
      const payload = body();
      const res = await analyst.request('POST', '/api/v1/intel/bundles', Buffer.isBuffer(payload) ? payload : Buffer.from(payload), { 'content-type': 'application/json' });
      expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      if ('refused' in expected) {
        expect(res.statusCode, res.body.slice(0, 300)).toBe(expected.refused);
        expect(Object.keys(res.json())).toEqual(['error']);
        expect(res.json().error.code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
        return;
      }
      expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
      const run = await finishedRun(analyst, res.json().runId);
      expect(run, JSON.stringify(run.errors).slice(0, 300)).toMatchObject({ status: 'done', received: expected.received, invalid: expected.invalid });
      expect(run.stored + run.duplicates + run.invalid).toBe(run.received);
      expect(run.errors.length).toBe(Math.min(run.invalid, 100));
    });
  }
});
