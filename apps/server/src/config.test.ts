import { describe, expect, it } from 'vitest';
import { loadConfig, processRolesOf, publicUrlOf } from './config.ts';

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

describe('process roles (LACHAN_ROLES, `lachan serve --roles`)', () => {
  it('runs every role in one process by default', () => {
    expect(loadConfig({}).roles).toEqual(['api', 'ingest', 'workers']);
    expect(processRolesOf(' ')).toEqual(['api', 'ingest', 'workers']);
  });

  it('takes any subset in any order, each once', () => {
    expect(loadConfig({ LACHAN_ROLES: 'workers,api' }).roles).toEqual(['api', 'workers']);
    expect(processRolesOf('ingest, ingest')).toEqual(['ingest']);
  });

  it('refuses an unknown role, naming the known ones', () => {
    expect(() => loadConfig({ LACHAN_ROLES: 'api,web' })).toThrow(/unknown process roles: web \(roles: api, ingest, workers\)/);
  });

  it('reads the mail settings here, not elsewhere', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example.vn:587', SMTP_FROM: 'a@b.vn' })).toMatchObject({ smtpUrl: 'smtp://mail.example.vn:587', smtpFrom: 'a@b.vn' });
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, smtpFrom: 'canhbao@lachan.local' });
  });
});
