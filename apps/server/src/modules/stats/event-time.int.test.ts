import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const DAY = 86_400_000;
const now = Date.now();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = day(now);
const alert = (title: string, time: number, over: Record<string, unknown> = {}) =>
  JSON.stringify({ title, time: new Date(time).toISOString(), severity: 'medium', rsit: { class: 'intrusion-attempts', type: 'exploit' }, src: { ip: '203.0.113.40' }, rule: { id: title }, ...over });

async function send(k: Caller & { key: string }, lines: string[], history = false) {
  const res = await t.app.inject({
    method: 'POST', url: `/api/v1/ingest/lachan${history ? '?history=true' : ''}`,
    headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: lines.join('\n'),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.platform.relay.flush();
  for (const w of [t.platform.workers.stats, t.platform.workers.promotion, t.platform.workers.campaigns]) await w.idle();
}
const overview = async (q: string) => (await t.admin.get(`/api/v1/stats/overview?${q}`)).json();
const onDay = (o: { byDay: { key: string; alerts: number }[] }, d: string) => o.byDay.find((x) => x.key === d)?.alerts;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('statistics by event time', () => {
  it('counts an alert forwarded a week late on the day it happened, and as late; a bad event time is counted today and flagged', async () => {
    const bank = await t.keyFor('bank-sgb', 'connector');
    await send(bank, [
      alert('week-old login storm', now - 7 * DAY),
      alert('from the future', now + 2 * DAY),
      alert('older than the limit', now - 60 * DAY),
      alert('fresh probe', now - 60_000),
    ]);
    const period = `from=${day(now - 10 * DAY)}&to=${today}`;
    for (const o of [await overview(period), await overview(`${period}&orgId=${await t.org('bank-sgb')}`)]) {
      expect(onDay(o, day(now - 7 * DAY))).toBe(1);
      expect(onDay(o, today)).toBe(3);
      expect(o.totals.alerts).toBe(4);
      expect(o.arrival).toEqual({ late: 1, clamped: 2 });
    }
    // Nothing was counted sixty days back: that event time was not believed.
    expect((await overview(`from=${day(now - 61 * DAY)}&to=${day(now - 59 * DAY)}`)).totals.alerts).toBe(0);
    // The same alert repeated later folds into its row: one alert, more occurrences, still on its day.
    await send(bank, [alert('week-old login storm', now - 7 * DAY)]);
    const again = await overview(period);
    expect(again.byDay.find((x: { key: string }) => x.key === day(now - 7 * DAY))).toMatchObject({ alerts: 1, occurrences: 2 });
    expect(again.arrival.late).toBe(1);
  });

  it('takes an archive sent as history on the days it happened, however old, without opening incidents or campaigns', async () => {
    // 06:00 UTC of a day 45 days back: the second alert, an hour later, falls on the same day whenever the suite runs.
    const longAgo = Math.floor(now / DAY) * DAY - 45 * DAY + 6 * 3_600_000;
    const shared = { severity: 'critical', src: { ip: '198.18.44.7' }, observables: [{ type: 'ipv4', value: '198.18.44.7', role: 'src' }], attack: ['T1190'] };
    for (const org of ['bank-svb', 'health-taybac', 'energy-themluc']) {
      await send(await t.keyFor(org, 'connector'), [alert('archived exploitation', longAgo, shared), alert('archived exploitation 2', longAgo + 3_600_000, shared)], true);
    }
    const o = await overview(`from=${day(longAgo - DAY)}&to=${day(longAgo + DAY)}`);
    expect(onDay(o, day(longAgo))).toBe(6);
    expect(o.arrival).toEqual({ late: 0, clamped: 0 });
    const incidents = (await t.admin.get('/api/v1/incidents?limit=100')).json().items as { title: string }[];
    expect(incidents.filter((i) => i.title.includes('archived'))).toEqual([]);
    expect((await t.admin.get('/api/v1/campaigns')).json().items).toEqual([]);
    // The archive is stored and searchable like any alert.
    const alerts = (await t.admin.get('/api/v1/alerts?limit=50')).json().items as { title: string }[];
    expect(alerts.filter((a) => a.title.startsWith('archived'))).toHaveLength(6);

    // The same alerts sent live are acted on: the control that the archive path is what kept them out.
    await send(await t.keyFor('bank-svb', 'connector'), [alert('live exploitation', now - 60_000, shared)]);
    const live = (await t.admin.get('/api/v1/incidents?limit=100')).json().items as { title: string }[];
    expect(live.some((i) => i.title.includes('live exploitation'))).toBe(true);
  });
});
