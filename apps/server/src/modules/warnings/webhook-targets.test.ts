import { describe, expect, it } from 'vitest';
import { WebhookTargets } from './webhook-targets.ts';

const lookup = (targets: WebhookTargets, host: string) => new Promise<string>((resolve, reject) =>
  targets.lookupFor(host)(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve((addresses as { address: string }[]).map((a) => a.address).join(',')))));

describe('webhook destinations', () => {
  it('refuses loopback, private, link-local (cloud metadata), IPv6 and IPv4-mapped internal addresses, and other schemes', () => {
    const targets = new WebhookTargets([]);
    for (const url of ['http://127.0.0.1/', 'http://10.1.2.3/', 'http://172.20.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/', 'http://100.64.0.1/', 'http://[::1]/', 'http://[fd00::1]/', 'http://[::ffff:10.0.0.1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/', 'http://localhost/', 'ftp://files.example.org/',
      // The documentation and benchmarking networks are reserved too (the one list, common/reserved-ranges).
      'http://192.0.2.10/', 'http://198.51.100.10/', 'http://203.0.113.10/', 'http://198.18.0.1/', 'http://[2001:db8::1]/', 'http://[::ffff:203.0.113.10]/']) {
      expect(() => targets.check(url), url).toThrow();
    }
    expect(targets.check('https://hooks.example.org/lachan').hostname).toBe('hooks.example.org');
    expect(targets.check('http://100.200.0.10:8443/x').port).toBe('8443');
  });

  it('lets through what LACHAN_WEBHOOK_ALLOWED_HOSTS lists: a host, a *.suffix, an address or a network', () => {
    const targets = new WebhookTargets(['localhost', '*.corp.example', '127.0.0.1', '10.20.0.0/16']);
    for (const url of ['http://localhost:8080/', 'http://127.0.0.1:9000/', 'http://10.20.3.4/', 'https://siem.corp.example/']) expect(() => targets.check(url), url).not.toThrow();
    expect(() => targets.check('http://10.21.0.1/')).toThrow(/internal address/);
  });

  it('refuses, as the connection is made, a name that resolves to an internal address', async () => {
    await expect(lookup(new WebhookTargets([]), 'localhost')).rejects.toMatchObject({ code: 'EADDRNOTALLOWED', message: expect.stringContaining('internal address') });
    expect(await lookup(new WebhookTargets(['localhost']), 'localhost')).toMatch(/127\.0\.0\.1|::1/);
  });
});
