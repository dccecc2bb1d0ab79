import { describe, expect, it } from 'vitest';
import { loadConfig, publicUrlOf } from './config.ts';

describe('LACHAN_PUBLIC_URL', () => {
  it('defaults to the local address of the port', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '9090' }).publicUrl).toBe('http://localhost:9090');
  });

  it('keeps scheme, host, port and path, without a trailing slash', () => {
    expect(loadConfig({ LACHAN_PUBLIC_URL: 'https://lachan.example.gov.vn/' }).publicUrl).toBe('https://lachan.example.gov.vn');
    expect(publicUrlOf('https://cti.example.gov.vn:8443/lachan//', 8080)).toBe('https://cti.example.gov.vn:8443/lachan');
  });

  it('refuses what is not a plain http(s) URL, so the server does not start with it', () => {
    for (const bad of ['lachan.example.gov.vn', 'ftp://x.example', 'https://user:pw@x.example', 'https://x.example/?a=1', 'https://x.example/#top']) {
      expect(() => loadConfig({ LACHAN_PUBLIC_URL: bad }), bad).toThrow(/LACHAN_PUBLIC_URL/);
    }
  });
});
