import { createSocket } from 'node:dgram';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../testing/server-process.ts';

const started: RunningServer[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

/** A UDP port free on 127.0.0.1 at the time of asking. */
function freeUdpPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function send(port: number, message: string): Promise<void> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.send(message, port, '127.0.0.1', () => s.close(() => resolve()));
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('one syslog datagram cannot stop the server', () => {
  it('quarantines a message dated past year 9999 UTC from a registered sender, stores its neighbour and stays up', { timeout: 300_000 }, async () => {
    const udpPort = await freeUdpPort();
    const server = await startServer({ LACHAN_SYSLOG_UDP_PORT: String(udpPort), LACHAN_SYSLOG_HOST: '127.0.0.1' });
    started.push(server);
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const orgId = ((await admin('GET', '/api/v1/orgs?province=48&kind=province')).json.items as { id: string }[])[0]!.id;
    expect((await admin('POST', '/api/v1/alert-sources', { name: 'Poisoned firewall', orgId, address: '127.0.0.1' })).status).toBe(201);
    // The listener learns of the new source from the event relay: probe until a message is stored as its alert.
    let probe = 0;
    await until('the listener to know the sender', async () => {
      await send(udpPort, `<34>1 2026-01-01T00:00:00Z fw01 probe - - - probe ${++probe}`);
      await new Promise((r) => setTimeout(r, 400));
      return ((await admin('GET', `/api/v1/alerts?orgId=${orgId}&q=probe`)).json.items as unknown[])[0];
    });

    const poison = '<34>1 9999-12-31T23:59:59-14:00 fw01 sshd - - - Failed password for root from 203.0.113.66';
    const neighbour = '<34>1 2026-01-01T00:00:01Z fw01 sshd - - - Accepted neighbour of the poison datagram';
    await send(udpPort, poison);
    await send(udpPort, neighbour);
    const quarantined = await until('the poison datagram in quarantine', async () =>
      ((await admin('GET', '/api/v1/quarantine?state=open&limit=500')).json.items as { raw: string; code: string; orgId: string }[]).find((q) => q.raw === poison));
    expect(quarantined).toMatchObject({ code: 'bad_syslog_header', orgId });
    await until('the neighbour stored', async () => ((await admin('GET', `/api/v1/alerts?orgId=${orgId}&q=neighbour`)).json.items as unknown[])[0]);

    // Still alive a moment later, and still listening.
    await new Promise((r) => setTimeout(r, 1000));
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await send(udpPort, '<34>1 2026-01-01T00:00:02Z fw01 sshd - - - after the poison');
    await until('a later message stored', async () => ((await admin('GET', `/api/v1/alerts?orgId=${orgId}&q=after%20the%20poison`)).json.items as unknown[])[0]);
    expect(server.output()).not.toMatch(/unhandled promise rejection|uncaught exception/);
  });
});
