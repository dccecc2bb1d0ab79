import { describe, expect, it } from 'vitest';
import { checkRemoteUrl, openSecret, sealSecret } from './remote-fetch.ts';

describe('remote intel sources', () => {
  it('allows only http(s) URLs on listed hosts or under a listed *.suffix', () => {
    const allowed = ['feeds.example.org', '*.cert.example.vn', '127.0.0.1'];
    expect(checkRemoteUrl('https://feeds.example.org/misp/', allowed).host).toBe('feeds.example.org');
    expect(checkRemoteUrl('https://taxii.cert.example.vn/api1/', allowed).hostname).toBe('taxii.cert.example.vn');
    expect(checkRemoteUrl('http://127.0.0.1:9000/taxii2/', allowed).port).toBe('9000');
    for (const bad of ['https://evil.example.org/', 'https://cert.example.vn.evil.test/', 'file:///etc/passwd', 'ftp://feeds.example.org/', 'not a url', 'http://10.0.0.5/']) {
      expect(() => checkRemoteUrl(bad, allowed), bad).toThrow(/allowed intel source host|not a URL/);
    }
    expect(() => checkRemoteUrl('https://feeds.example.org/', [])).toThrow(/LACHAN_INTEL_ALLOWED_HOSTS/);
  });

  it('seals credentials so the stored text does not show them, and opens them with the same key only', () => {
    const sealed = sealSecret('Basic dXNlcjpwYXNz', 'k1');
    expect(sealed).not.toContain('dXNlcjpwYXNz');
    expect(openSecret(sealed, 'k1')).toBe('Basic dXNlcjpwYXNz');
    expect(() => openSecret(sealed, 'k2')).toThrow();
    expect(() => openSecret(sealed, null)).toThrow(/LACHAN_INTEL_CREDENTIALS_KEY/);
    expect(openSecret(sealSecret('Bearer t', null), null)).toBe('Bearer t');
  });
});
