import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { basicAuth, taxiiClient } from '../../testing/medallion.ts';

const PUBLIC = 'https://cti.example.gov.vn/lachan';
let t: TestApp;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC });
  const analyst = await t.userIn('prov-48', 'analyst');
  auth = basicAuth(analyst.email, 'a-long-test-password');
});
afterAll(() => t?.close());

describe('TAXII discovery', () => {
  it('names the API root under LACHAN_PUBLIC_URL, whatever Host or forwarding headers the client sends', async () => {
    const forged: Record<string, string>[] = [{}, { host: 'evil.example' }, { host: 'evil.example:8443' }, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' }, { host: 'localhost:80' }];
    for (const headers of forged) {
      const res = await taxiiClient(t.app, () => auth).get('/taxii2/', { ...auth, ...headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
      expect(res.json()).toMatchObject({ default: `${PUBLIC}/taxii2/lachan/`, api_roots: [`${PUBLIC}/taxii2/lachan/`] });
      expect(res.body).not.toContain('evil.example');
    }
  });
});
