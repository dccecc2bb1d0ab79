import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { TCP_CASES, UDP_CASES, type ListenerCase } from './bad-input-syslog.cases.ts';

let t: TestApp;
let n = 0;
const marker = () => `sx${Date.now().toString(36)}${(n++).toString(36)}`;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  t = await createTestApp({ syslogUdpPort: 0, syslogTcpPort: 0, syslogHost: '127.0.0.1' });
  const reg = await t.admin.post('/api/v1/alert-sources', { name: 'Corpus sender', orgId: await t.org('prov-48'), address: '127.0.0.1' });
  expect(reg.statusCode).toBe(201);
  await t.platform.relay.flush();
  await new Promise((r) => setTimeout(r, 200));
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await t?.close();
});

function udp(payload: Buffer | string): Promise<void> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.send(payload, t.app.syslogPorts!.udpPort!, '127.0.0.1', () => s.close(() => resolve()));
  });
}

function tcp(c: ListenerCase, payload: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = connect(t.app.syslogPorts!.tcpPort!, '127.0.0.1', async () => {
      const step = c.chunk ?? payload.length;
      for (let i = 0; i < payload.length; i += step) {
        await new Promise<void>((ok) => s.write(payload.subarray(i, i + step), () => ok()));
      }
      if (c.reset) s.resetAndDestroy();
      else s.end();
    });
    s.on('close', () => resolve());
    s.on('error', (err) => (c.reset ? resolve() : reject(err)));
  });
}

/** Rows, alerts and quarantined records, whose raw text carries the marker. */
async function kept(m: string): Promise<number> {
  const r = await sql<{ n: number }>`select ((select count(*) from alerts where strpos(raw, ${m}) > 0) + (select count(*) from quarantine where strpos(raw, ${m}) > 0))::int as n`.execute(t.platform.db);
  return r.rows[0]!.n;
}

async function expectKept(m: string, messages: number, label: string): Promise<void> {
  const end = Date.now() + 10_000;
  let seen = await kept(m);
  while (seen < messages && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await kept(m);
  }
  // One more batch interval, so that a message kept twice would show.
  await new Promise((r) => setTimeout(r, 300));
  expect(await kept(m), label).toBe(messages);
}

describe('bad input to the syslog listener: every message stored or quarantined, the listener up', () => {
  describe('UDP', () => {
    for (const c of UDP_CASES) {
      it(c.name, async () => {
        const m = marker();
        await udp(c.send(m));
        await expectKept(m, c.messages, `udp ${c.name}`);
      });
    }
  });

  describe('TCP', () => {
    for (const c of TCP_CASES) {
      it(c.name, async () => {
        const m = marker();
        const payload = c.send(m);
        await tcp(c, Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
        await expectKept(m, c.messages, `tcp ${c.name}`);
      });
    }
  });

  it('still stores a good message afterwards, over both transports, with no promise rejected unhandled', async () => {
    const [a, b] = [marker(), marker()];
    await udp(`<34>1 2026-01-01T00:00:00Z fw01 app - - - ${a} after the corpus`);
    await tcp({ name: 'after', send: () => '', messages: 1 }, Buffer.from(`<34>1 2026-01-01T00:00:00Z fw01 app - - - ${b} after the corpus\n`));
    await expectKept(a, 1, 'udp after');
    await expectKept(b, 1, 'tcp after');
    expect(await sql<{ n: number }>`select count(*)::int as n from alerts where strpos(raw, ${a}) > 0`.execute(t.platform.db).then((r) => r.rows[0]!.n)).toBe(1);
    expect(rejections).toEqual([]);
  });
});
