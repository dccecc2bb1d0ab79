import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ csafPublisherNamespace: 'https://vncert.example.gov.vn' });
});
afterAll(() => t?.close());

const draft = async (extra: Record<string, unknown> = {}) => t.admin.post('/api/v1/warnings', {
  titleVi: 'Cảnh báo lỗ hổng', titleEn: 'Vulnerability warning', bodyVi: 'Cập nhật.', bodyEn: 'Patch.', severity: 3, tlp: 'AMBER+STRICT', targeting: { orgIds: [await t.org('bank-sgb')] }, ...extra,
});

describe('CVSS scores are the scores of their vectors', () => {
  it('refuses a score that does not match its vector (400 naming the field), fills a missing one and refuses incomplete vectors', async () => {
    const vector = 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N';
    const wrong = await draft({ cves: [{ id: 'CVE-2024-3400', cvss: 10, cvssVector: vector }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'validation_failed', details: { field: 'body/cves/0/cvss', expected: 3.7 } });
    const filled = await draft({ cves: [{ id: 'CVE-2024-3400', cvssVector: vector }] });
    expect(filled.statusCode, filled.body).toBe(201);
    expect(filled.json().cves[0]).toEqual({ id: 'CVE-2024-3400', cvss: 3.7, cvssVector: vector });
    expect((await t.admin.patch(`/api/v1/warnings/${filled.json().id}`, { cves: [{ id: 'CVE-2024-3400', cvss: 9.8, cvssVector: vector }] })).statusCode).toBe(400);
    const partial = await draft({ cves: [{ id: 'CVE-2024-3400', cvss: 7.5, cvssVector: 'CVSS:3.1/AV:N/AC:L' }] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.message).toContain('base metrics');
    expect((await draft({ cves: [{ id: 'CVE-2024-3400' }, { id: 'CVE-2024-3400' }] })).statusCode).toBe(400);
  });
});

describe('published warnings change by revision', () => {
  it('issues as version 1 and withdraws as version 2 with its history; keeps AMBER+STRICT and the configured namespace in CSAF', async () => {
    const w = (await draft({ references: [{ url: 'https://security.paloaltonetworks.com/CVE-2024-3400', summary: 'Vendor advisory' }] })).json();
    const asDraft = (await t.admin.get(`/api/v1/warnings/${w.id}/csaf`)).json().document;
    expect(asDraft.tracking).toMatchObject({ status: 'draft', version: '0' });
    expect((await t.admin.post(`/api/v1/warnings/${w.id}/withdraw`)).statusCode).toBe(409);

    const issued = (await t.admin.post(`/api/v1/warnings/${w.id}/issue`)).json();
    expect(issued.revisions).toEqual([expect.objectContaining({ number: 1, summary: 'Initial release' })]);
    const v1 = (await t.admin.get(`/api/v1/warnings/${w.id}/csaf`)).json().document;
    expect(v1.tracking).toMatchObject({ status: 'final', version: '1' });
    expect(v1.publisher.namespace).toBe('https://vncert.example.gov.vn');
    expect(v1.distribution).toMatchObject({ tlp: { label: 'AMBER' }, text: expect.stringContaining('AMBER+STRICT') });
    expect(v1.references).toContainEqual({ category: 'external', summary: 'Vendor advisory', url: 'https://security.paloaltonetworks.com/CVE-2024-3400' });

    const withdrawn = (await t.admin.post(`/api/v1/warnings/${w.id}/withdraw`)).json();
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.revisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    const v2 = (await t.admin.get(`/api/v1/warnings/${w.id}/csaf`)).json().document;
    expect(v2.tracking).toMatchObject({ status: 'final', version: '2', initial_release_date: v1.tracking.initial_release_date });
    expect(v2.tracking.revision_history.map((r: { number: string }) => r.number)).toEqual(['1', '2']);
    expect(v2.tracking.current_release_date >= v1.tracking.current_release_date).toBe(true);
    expect(v2.notes[0].title).toBe('Withdrawn');

    const stix = (await t.admin.get(`/api/v1/warnings/${w.id}/stix`)).json();
    const ids = new Set(stix.objects.map((o: { id: string }) => o.id));
    const report = stix.objects.find((o: { type: string }) => o.type === 'report');
    expect(report.revoked).toBe(true);
    expect(report.object_refs.every((id: string) => ids.has(id))).toBe(true);
    expect(report.object_marking_refs).toEqual(['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003']);
    expect(ids.has('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003')).toBe(true);
  });
});
