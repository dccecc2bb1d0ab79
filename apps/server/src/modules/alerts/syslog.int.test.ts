import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ syslogUdpPort: 0, syslogTcpPort: 0, syslogHost: '127.0.0.1' });
});
afterAll(() => t?.close());

const tcpSend = (port: number, payload: string) =>
  new Promise<void>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.end(payload, () => resolve()));
    s.on('error', reject);
  });
const udpSend = (port: number, message: string) =>
  new Promise<void>((resolve) => {
    const s = createSocket('udp4');
    s.send(message, port, '127.0.0.1', () => s.close(() => resolve()));
  });
const octets = (m: string) => `${Buffer.byteLength(m)} ${m}`;

async function until<T>(fn: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the syslog listener', () => {
  it('quarantines messages from an unregistered sender under the national centre, naming the address', async () => {
    await udpSend(t.app.syslogPorts!.udpPort!, '<34>Oct 11 22:14:15 gw sshd[1]: Failed password for root from 198.51.100.4 port 22 ssh2');
    const item = await until(async () => (await t.admin.get('/api/v1/quarantine?state=open')).json().items.find((i: { code: string }) => i.code === 'unknown_sender'));
    expect(item.message).toContain('127.0.0.1');
    expect(item.orgId).toBe(await t.org('ncc'));
  });

  it('stores RFC 5424, RFC 3164 and CEF-in-syslog messages from a registered sender as that organisation\'s alerts', async () => {
    const orgId = await t.org('prov-48');
    const reg = await t.admin.post('/api/v1/alert-sources', { name: 'Đà Nẵng firewall', orgId, address: '127.0.0.1' });
    expect(reg.statusCode).toBe(201);
    await t.platform.relay.flush();
    await new Promise((r) => setTimeout(r, 100));
    const ports = t.app.syslogPorts!;
    await tcpSend(ports.tcpPort!, octets('<34>1 2026-11-21T08:00:00.000Z fw01.example.vn sshd 42 ID47 - Failed password for admin from 203.0.113.50') +
      octets('<134>Nov 21 15:00:01 fw01 CEF:0|Acme|Firewall|1.0|100|Blocked inbound connection|7|src=203.0.113.51 dst=10.48.0.5 dpt=3389 act=blocked'));
    await tcpSend(ports.tcpPort!, '<38>Nov 21 15:00:02 fw01 sudo: pam_unix(sudo:auth): authentication failure; rhost=203.0.113.52\n');
    await udpSend(ports.udpPort!, '<36>Nov 21 15:00:03 fw01 kernel: possible SYN flooding on port 443 from 203.0.113.53');
    const alerts = await until(async () => {
      const items = (await t.admin.get(`/api/v1/alerts?orgId=${orgId}&format=syslog`)).json().items;
      return items.length >= 3 ? items : undefined;
    });
    const cef = await until(async () => (await t.admin.get(`/api/v1/alerts?orgId=${orgId}&q=Blocked%20inbound%20connection`)).json().items[0]);
    expect(alerts.every((a: { reporterOrgId: string }) => a.reporterOrgId === orgId)).toBe(true);
    expect(cef.severity).toBe(3);
    const sources = (await t.admin.get('/api/v1/alert-sources')).json();
    expect(sources.find((s: { name: string }) => s.name === 'Đà Nẵng firewall')).toMatchObject({ kind: 'syslog', syslogAddress: '127.0.0.1' });
  });
});
