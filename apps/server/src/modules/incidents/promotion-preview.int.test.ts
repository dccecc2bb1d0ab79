import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin48: Caller;
let org48: string;
let seq = 0;

const alert = (attacker: string) => ({
  title: `Preview probe ${++seq}`, severity: 'high', rule: { id: 'PREVIEW-1' }, rsit: { class: 'intrusion-attempts', type: 'exploit' },
  src: { ip: attacker }, dst: { ip: '10.48.1.1' },
});

beforeAll(async () => {
  t = await createTestApp();
  org48 = await t.org('prov-48');
  admin48 = await t.userIn('prov-48', 'org_admin');
  const key = await t.keyFor('prov-48', 'connector');
  const lines = [...Array.from({ length: 3 }, () => alert('203.0.113.77')), alert('198.51.100.77')];
  const res = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(lines.map((a) => JSON.stringify(a)).join('\n')), { 'content-type': 'application/x-ndjson' });
  expect(res.statusCode, res.body).toBe(202);
  await t.platform.relay.flush();
});
afterAll(() => t?.close());

describe('POST /promotion-rules/preview', () => {
  it('tells an organisation admin what a rule would have opened over 7 days, saving nothing', async () => {
    const before = (await admin48.get('/api/v1/promotion-rules')).json().length as number;
    const res = await admin48.post('/api/v1/promotion-rules/preview', { orgId: org48, conditions: { ruleIds: ['PREVIEW-1'], group: { by: ['attacker'] } } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ days: 7, alertsMatched: 4, incidents: 2, truncated: false });
    expect(body.groups.map((g: { label: { attacker: string }; alerts: number }) => [g.label.attacker, g.alerts])).toEqual([['203.0.113.77', 3], ['198.51.100.77', 1]]);
    expect((await admin48.get('/api/v1/promotion-rules')).json()).toHaveLength(before);
  });

  it('reads nothing of other organisations: another province admin may not preview there, and the centre sees all', async () => {
    const admin79 = await t.userIn('prov-79', 'org_admin');
    expect((await admin79.post('/api/v1/promotion-rules/preview', { orgId: org48, conditions: {} })).statusCode).toBe(403);
    expect((await admin79.post('/api/v1/promotion-rules/preview', { orgId: null, conditions: {} })).statusCode).toBe(403);
    const own = (await admin79.post('/api/v1/promotion-rules/preview', { orgId: await t.org('prov-79'), conditions: { ruleIds: ['PREVIEW-1'] } })).json();
    expect(own.alertsMatched).toBe(0);
    const national = (await t.admin.post('/api/v1/promotion-rules/preview', { orgId: null, conditions: { ruleIds: ['PREVIEW-1'] } })).json();
    expect(national.alertsMatched).toBe(4);
    expect((await t.admin.post('/api/v1/promotion-rules/preview', { orgId: null, conditions: {}, extra: 1 })).statusCode).toBe(400);
  });
});
