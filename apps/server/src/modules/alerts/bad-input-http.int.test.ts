import type { AlertFormat } from '@lachan/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { sendBatch, type BatchCheck } from '../../testing/ingest-batches.ts';
import { BODY_CASES, BODY_LIMIT, goodRecord } from './bad-input-bodies.cases.ts';
import { JSON_FORMATS, JSON_ROWS, TEXT_FORMATS, TEXT_ROWS, type Poison } from './bad-input-records.cases.ts';

const FORMATS: AlertFormat[] = ['lachan', 'ecs', 'wazuh', 'suricata', 'cef', 'syslog'];
let t: TestApp;
let key: { id: string; key: string };
let n = 0;
const marker = () => `m${Date.now().toString(36)}${(n++).toString(36)}`;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  t = await createTestApp({ ingestBodyLimitBytes: BODY_LIMIT });
  key = await t.keyFor('prov-48', 'connector');
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await t?.close();
});

/** What the quarantine keeps of a record sent as these bytes: its UTF-8 text, NUL as U+FFFD (PostgreSQL text). */
const kept = (p: Poison | string) => (Buffer.isBuffer(p) ? p.toString('utf8') : p).toWellFormed().replaceAll('\u0000', '\uFFFD');

/** Nothing lost: 202, the counts add up to what was sent, every refusal is in the quarantine with its reason. */
function expectKept(r: BatchCheck, sent: number, label: string): void {
  expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(202);
  const { accepted, duplicates, rejected, errors } = r.body;
  expect(accepted! + duplicates! + rejected!, label).toBe(sent);
  expect(r.quarantined, label).toHaveLength(rejected!);
  expect(errors!.length, label).toBe(Math.min(rejected!, 1000));
  for (const q of r.quarantined) expect(q.code, label).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
}

/** One poisoned record between two good ones; the good ones are stored, the poisoned one kept either way. */
async function poisonedBatch(format: AlertFormat, good: (m: string) => string, poison: Poison, label: string, asJsonStrings = false): Promise<void> {
  const records = [good(marker()), poison, good(marker())];
  const body = asJsonStrings
    ? JSON.stringify(records.map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : x)))
    : Buffer.concat(records.map((x, i) => Buffer.concat([Buffer.from(i ? '\n' : ''), Buffer.isBuffer(x) ? x : Buffer.from(x)])));
  const r = await sendBatch(t, key, format, body, asJsonStrings ? { 'content-type': 'application/json' } : { 'content-type': 'application/x-ndjson' });
  expectKept(r, 3, label);
  expect(r.body.errors!.map((e) => e.index).filter((i) => i !== 1), `${label}: only the poisoned record may be refused`).toEqual([]);
  r.quarantined.forEach((q) => expect(q.raw, label).toBe(kept(poison)));
}

describe('bad records in a batch: each kept on its own, the batch stored', () => {
  for (const f of JSON_FORMATS) {
    describe(f.format, () => {
      for (const [name, poison] of JSON_ROWS) {
        it(name, () => poisonedBatch(f.format, (m) => JSON.stringify(f.good(m)), poison(f.good(marker()), f), `${f.format} ${name}`));
      }
    });
  }
  for (const f of TEXT_FORMATS) {
    describe(f.format, () => {
      for (const [name, poison] of TEXT_ROWS) it(name, () => poisonedBatch(f.format, f.good, poison(f.good(marker()), f, marker()), `${f.format} ${name}`));
      it('NUL escape in a JSON array of strings', () => poisonedBatch(f.format, f.good, `${f.good(marker())} nul \u0000 here`, `${f.format} NUL`, true));
      it('lone surrogate in a JSON array of strings', () => poisonedBatch(f.format, f.good, `${f.good(marker())} lone \ud800 here`, `${f.format} surrogate`, true));
    });
  }
});

describe('bad bodies: kept whole or refused in the one error shape, never a 5xx', () => {
  for (const format of FORMATS) {
    describe(format, () => {
      for (const c of BODY_CASES) {
        it(c.name, async () => {
          const m = marker();
          const headers: Record<string, string> = { ...c.headers };
          if (c.contentType !== undefined && c.contentType !== null) headers['content-type'] = c.contentType;
          const r = await sendBatch(t, key, format, c.body(format, m), headers, c.contentType === null);
          const label = `${format} ${c.name}`;
          if (c.refused !== undefined) {
            expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(c.refused);
            expect(Object.keys(r.body), label).toEqual(['error']);
            expect(r.body.error!.code, label).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
            expect(r.quarantined, label).toEqual([]);
            return;
          }
          expectKept(r, typeof c.sent === 'function' ? c.sent(format) : c.sent!, label);
        });
      }
    });
  }

  it('leaves the server answering and storing, with no promise rejected unhandled', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const r = await sendBatch(t, key, 'lachan', goodRecord('lachan', marker()));
    expect(r.body).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rejections).toEqual([]);
  });
});
