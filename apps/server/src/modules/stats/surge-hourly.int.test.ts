import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const todayStart = Math.floor(Date.now() / DAY) * DAY;

async function send(org: string, times: number[], history: boolean, tag: string) {
  const k = await t.keyFor(org, 'connector');
  const lines = times.map((at, i) => JSON.stringify({ title: `${tag} ${i}`, time: new Date(at).toISOString(), severity: 'medium', rsit: { class: 'intrusion-attempts', type: 'brute-force' }, rule: { id: `${tag}-${i}` } }));
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/ingest/lachan${history ? '?history=true' : ''}`, headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
  expect(res.json()).toMatchObject({ accepted: times.length, rejected: 0 });
  await t.platform.relay.flush();
  await t.platform.workers.stats.idle();
}
/** `perHour` alerts in every hour of the ten days before today. */
const tenDays = (perHour: number) => Array.from({ length: 10 * 24 * perHour }, (_, i) => todayStart - 10 * DAY + Math.floor(i / perHour) * HOUR + (i % perHour) * 60_000);
type W = { titleEn: string; bodyEn: string; origin: string; status: string; targeting: { sectors?: string[] } };
const surgeProposals = async () => ((await t.admin.get('/api/v1/warnings?limit=500')).json().items as W[]).filter((w) => w.origin === 'surge');

beforeAll(async () => {
  // The watcher looks at most every second after new alerts are rolled up (a minute by default).
  t = await createTestApp({ surgeCheckSeconds: 1 });
  // Ten days of each sector's past, loaded as history: hospitals 4 alerts an hour, banks 2.
  await send('health-taybac', tenDays(4), true, 'past health');
  await send('bank-sgb', tenDays(2), true, 'past bank');
});
afterAll(() => t?.close());

/** Waits (up to ten seconds) for the watcher, woken by the roll-up, to have done what `done` checks. */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !done(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

describe('surges on the hour’s data', () => {
  it('raises a sector whose hour so far is far above its usual hours as its alerts are rolled up, proposes one warning to it, and refreshes it as the hour grows', async () => {
    // This hour: 120 alerts at the hospital, where 4 an hour is usual; one at the bank. (Should the hour
    // end meanwhile, the watcher still looks at the hour before, as a whole.)
    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    const at = (n: number, from = 0) => Array.from({ length: n }, (_, i) => hour + 1000 + (from + i) * 10);
    await send('health-taybac', at(120), false, 'now health');
    await send('bank-sgb', at(1), false, 'now bank');
    const [p, ...more] = await eventually(surgeProposals, (ws) => ws.length > 0);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ status: 'proposed', targeting: { sectors: ['HEALTH'] }, titleEn: expect.stringContaining('Health'), bodyEn: expect.stringMatching(/^120 alerts in the hour from /) });
    const report = (await t.admin.get('/api/v1/stats/surges?groupBy=sector')).json();
    expect(report.watcher).toMatchObject({ lastRunAt: expect.any(String), groups: 2 });
    expect(report.episodes).toEqual([expect.objectContaining({ key: 'HEALTH', peak: expect.objectContaining({ kind: 'hour_above_profile', observed: 120 }) })]);

    // The hour goes on: the same episode, the same proposal, now with the larger count.
    await send('health-taybac', at(200, 120), false, 'more health');
    const after = await eventually(surgeProposals, (ws) => ws.length !== 1 || ws[0]!.bodyEn.startsWith('320 '));
    expect(after).toHaveLength(1);
    expect(after[0]!.bodyEn).toMatch(/^320 alerts in the hour from /);
  });
});
