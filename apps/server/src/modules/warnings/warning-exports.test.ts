// Conformance: the CSAF export of representative warnings passes the BSI CSAF validator library's strict
// schema and every mandatory test; the STIX report bundle validates against the official OASIS schemas
// (fixtures/public/stix/schemas) and refers only to objects it carries.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import type { Warning } from '@lachan/contracts';
import { tlpOf, validateBundle } from '@lachan/stix';
import { toCsaf, toStixBundle } from './warning-exports.ts';

const ID = '6f9a1c2e-0b1d-4e5f-8a9b-0c1d2e3f4a5b';
const ISSUED = '2026-01-05T03:00:00.000Z';
const base: Warning = {
  id: ID, status: 'issued', origin: 'manual', campaignId: null, authorOrgId: '1f9a1c2e-0b1d-4e5f-8a9b-0c1d2e3f4a5b',
  titleVi: 'Cảnh báo', titleEn: 'Phishing wave against banks', bodyVi: 'Nội dung', bodyEn: 'Body', severity: 3, tlp: 'GREEN', targeting: {},
  actions: [{ vi: 'Chặn', en: 'Block the indicators' }], indicators: [{ type: 'domain', value: 'c2.example.net' }, { type: 'ipv4-cidr', value: '100.200.7.0/24' }],
  cves: [], references: [], revisions: [{ number: 1, date: ISSUED, summary: 'Initial release' }], validFrom: null, validUntil: null,
  issuedAt: ISSUED, createdAt: '2026-01-05T02:00:00.000Z', updatedAt: ISSUED,
};
const withdrawn = (w: Warning): Warning => ({ ...w, status: 'withdrawn', updatedAt: '2026-01-06T08:00:00.000Z', revisions: [...w.revisions, { number: 2, date: '2026-01-06T08:00:00.000Z', summary: 'Withdrawn by the issuer: no longer valid' }] });
const cves: Warning['cves'] = [
  { id: 'CVE-2024-3400', cvss: 10, cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', epss: 0.95, knownExploited: true },
  { id: 'CVE-2018-13379', cvss: 9.8, cvssVector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  { id: 'CVE-2023-12345', epss: 0.02 },
];
const representative: Record<string, Warning> = {
  'informational, issued': base,
  'informational with an author reference, AMBER+STRICT': { ...base, tlp: 'AMBER+STRICT', references: [{ url: 'https://attack.mitre.org/techniques/T1566/', summary: 'ATT&CK T1566 Phishing' }] },
  'informational, withdrawn, no indicators': withdrawn({ ...base, indicators: [] }),
  'security advisory with CVEs': { ...base, tlp: 'AMBER', cves, targeting: { keywords: ['PAN-OS GlobalProtect', 'FortiOS SSL-VPN'] } },
  'security advisory, withdrawn, AMBER+STRICT': withdrawn({ ...base, tlp: 'AMBER+STRICT', cves }),
  'draft': { ...base, status: 'draft', issuedAt: null, revisions: [], updatedAt: '2026-01-05T02:30:00.000Z' },
};
const publisher = { name: 'Lachan national coordination centre', namespace: 'https://vncert.example.gov.vn', publicUrl: 'https://lachan.example.gov.vn' };

describe('CSAF export against the BSI validator', () => {
  for (const [name, w] of Object.entries(representative)) {
    it(`passes the strict schema and every mandatory test: ${name}`, async () => {
      const result = await validateStrict([csaf_2_0_strict, ...Object.values(mandatory)], toCsaf(w, publisher));
      expect(result.tests.filter((t) => !t.isValid).map((t) => ({ name: t.name, errors: t.errors }))).toEqual([]);
      expect(result.isValid).toBe(true);
    });
  }

  it('versions each revision since issue, withdrawal included, and keeps AMBER+STRICT in words', () => {
    const doc = toCsaf(representative['security advisory, withdrawn, AMBER+STRICT']!, publisher).document as Record<string, Record<string, unknown>>;
    expect(doc.tracking).toMatchObject({ status: 'final', version: '2', current_release_date: '2026-01-06T08:00:00.000Z' });
    expect((doc.tracking!.revision_history as unknown[]).length).toBe(2);
    expect(doc.distribution).toMatchObject({ tlp: { label: 'AMBER' }, text: expect.stringContaining('TLP:AMBER+STRICT') });
    expect(doc.publisher).toMatchObject({ namespace: 'https://vncert.example.gov.vn' });
    expect((doc.notes as unknown as Array<{ title: string }>)[0]!.title).toBe('Withdrawn');
  });

  it('fails the validator when a score does not match its vector, as the API refuses it', async () => {
    const wrong = { ...representative['security advisory with CVEs']!, cves: [{ id: 'CVE-2024-3400', cvss: 10, cvssVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N' }] };
    const doc = toCsaf(wrong, publisher) as { vulnerabilities: Array<{ scores: Array<{ cvss_v3: { baseScore: number } }> }> };
    expect(doc.vulnerabilities[0]!.scores[0]!.cvss_v3.baseScore).toBe(3.7);
    doc.vulnerabilities[0]!.scores[0]!.cvss_v3.baseScore = 10;
    expect((await validateStrict([mandatory.mandatoryTest_6_1_9], doc)).isValid).toBe(false);
  });
});

const STIX = new URL('../../../../../fixtures/public/stix/schemas/', import.meta.url);
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats.default(ajv);
for (const dir of ['common', 'sdos', 'sros', 'observables']) {
  for (const f of readdirSync(new URL(`${dir}/`, STIX))) ajv.addSchema(JSON.parse(readFileSync(new URL(`${dir}/${f}`, STIX), 'utf8')) as object);
}
const bundleSchema = ajv.getSchema('http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json')!;

describe('a warning as a STIX bundle', () => {
  for (const [name, w] of Object.entries(representative)) {
    it(`validates against the official schemas and refers only to objects of the bundle: ${name}`, () => {
      const bundle = toStixBundle(w) as { objects: Array<Record<string, unknown>> };
      expect(bundleSchema(bundle), JSON.stringify(bundleSchema.errors)).toBe(true);
      expect(validateBundle(bundle)).toEqual([]);
      const ids = new Set(bundle.objects.map((o) => o.id));
      for (const o of bundle.objects) {
        const refs = [...(o.object_refs as string[] ?? []), ...(o.object_marking_refs as string[] ?? []), ...(o.created_by_ref ? [o.created_by_ref as string] : [])];
        for (const ref of refs) expect(ids.has(ref), `${String(o.id)} -> ${ref}`).toBe(true);
      }
    });
  }

  it('marks every object with the TLP 2.0 marking definition (standard id, included), never a TLP label, and revokes a withdrawn warning', () => {
    const bundle = toStixBundle(representative['security advisory, withdrawn, AMBER+STRICT']!) as { objects: Array<Record<string, unknown>> };
    const marked = bundle.objects.filter((o) => o.type !== 'marking-definition' && o.type !== 'identity');
    expect(marked.map((o) => o.type)).toEqual(['report', 'indicator', 'indicator', 'vulnerability', 'vulnerability', 'vulnerability']);
    for (const o of marked) {
      expect(tlpOf(o)).toBe('AMBER+STRICT');
      expect(o.labels).toBeUndefined();
      expect(o.revoked).toBe(true);
    }
    expect(bundle.objects.find((o) => o.type === 'marking-definition')).toMatchObject({ id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', name: 'TLP:AMBER+STRICT' });
    expect(tlpOf((toStixBundle({ ...base, tlp: 'CLEAR' }) as { objects: Array<Record<string, unknown>> }).objects[0]!)).toBe('CLEAR');
  });
});
