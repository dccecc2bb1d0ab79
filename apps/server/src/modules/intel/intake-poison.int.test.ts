import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';

let t: TestApp;
let analyst: Caller;
const TS = '2024-03-01T10:00:00.000Z';
const id = (prefix: string, n: number) => `indicator--${n.toString(16).padStart(8, '0')}-${prefix}-4a5e-9d2b-8d6a0b1c2d3e`;
const indicator = (prefix: string, n: number, over: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id: id(prefix, n), created: TS, modified: TS,
  pattern: `[ipv4-addr:value = '198.51.100.${n % 250}']`, pattern_type: 'stix', valid_from: TS, ...over,
});
const bundle = (objects: unknown[]) => ({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });
const DEEP = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
/** Uploads a bundle; the string "DEEP" in it becomes an array nested 50,000 deep (too deep for JSON.stringify). */
const upload = async (objects: unknown[]) => {
  const body = Buffer.from(JSON.stringify(bundle(objects)).replace('"DEEP"', DEEP));
  const res = await analyst.request('POST', '/api/v1/intel/bundles', body, { 'content-type': 'application/json' });
  expect(res.statusCode, res.body).toBe(202);
  return finishedRun(analyst, res.json().runId);
};

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.userIn('bank-sgb', 'analyst');
});
afterAll(() => t?.close());

describe('one poison object no longer drops its chunk of 1,000', () => {
  it('refuses only the objects with NUL, a lone surrogate, a year-0000 time or nesting too deep to store, each with its reason', async () => {
    const objects: unknown[] = Array.from({ length: 1500 }, (_, i) => indicator('a001', i));
    const poison: Array<[number, unknown, RegExp]> = [
      [10, indicator('a002', 1, { description: 'nul \u0000 inside' }), /U\+0000/],
      [20, indicator('a002', 2, { name: 'lone \ud800 surrogate' }), /unpaired/],
      [30, indicator('a002', 3, { created: '0000-01-01T00:00:00Z' }), /created must be an RFC 3339/],
      [40, indicator('a002', 4, { x_deep: 'DEEP' }), /cannot be stored|stack/i],
    ];
    for (const [at, o] of poison) objects.splice(at, 0, o);
    const run = await upload(objects);
    expect(run).toMatchObject({ status: 'done', received: 1504, stored: 1500, duplicates: 0, invalid: 4 });
    const errors = run.errors as { index: number; message: string }[];
    expect(errors.map((e) => e.index)).toEqual(poison.map(([at]) => at));
    poison.forEach(([, , reason], i) => expect(errors[i]!.message).toMatch(reason));
  });

  it('stores an indicator whose pattern is a long AND chain (its observables are read without deep recursion)', async () => {
    const pattern = Array.from({ length: 20_000 }, (_, i) => `[ipv4-addr:value = '203.0.113.${i % 250}']`).join(' AND ');
    const run = await upload([indicator('a003', 1, { pattern }), indicator('a003', 2)]);
    expect(run).toMatchObject({ status: 'done', received: 2, stored: 2, invalid: 0 });
  });

  it('stores the rest of a chunk when the database refuses one object for a reason no check foresaw', async () => {
    const refused = id('a004', 7);
    await sql.raw(`create function refuse_object_for_test() returns trigger language plpgsql as $$ begin
        if new.id = '${refused}' then raise exception 'refused for the test' using errcode = '22023'; end if; return new; end $$`).execute(t.platform.db);
    await sql.raw('create trigger refuse_object_for_test before insert on stix_objects for each row execute function refuse_object_for_test()').execute(t.platform.db);
    try {
      const run = await upload(Array.from({ length: 30 }, (_, i) => indicator('a004', i)));
      expect(run).toMatchObject({ status: 'done', received: 30, stored: 29, invalid: 1 });
      expect(run.errors).toEqual([{ index: 7, message: expect.stringMatching(new RegExp(`^${refused}: the database refused it \\(22023\\)`)) }]);
    } finally {
      await sql.raw('drop trigger refuse_object_for_test on stix_objects').execute(t.platform.db);
      await sql.raw('drop function refuse_object_for_test()').execute(t.platform.db);
    }
  });
});
