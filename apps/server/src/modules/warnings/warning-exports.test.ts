import { describe, expect, it } from 'vitest';
import type { Warning } from '@lachan/contracts';
import { tlpOf, validateBundle } from '@lachan/stix';
import { toStixBundle } from './warning-exports.ts';

const warning = (tlp: Warning['tlp']): Warning => ({
  id: '6f9a1c2e-0b1d-4e5f-8a9b-0c1d2e3f4a5b', status: 'issued', origin: 'manual', campaignId: null, authorOrgId: '1f9a1c2e-0b1d-4e5f-8a9b-0c1d2e3f4a5b',
  titleVi: 'Cảnh báo', titleEn: 'Warning', bodyVi: 'Nội dung', bodyEn: 'Body', severity: 3, tlp, targeting: {}, actions: [],
  indicators: [{ type: 'domain', value: 'c2.example.net' }], cves: [{ id: 'CVE-2024-3400' }], validFrom: null, validUntil: null,
  issuedAt: '2026-01-05T03:00:00.000Z', createdAt: '2026-01-05T02:00:00.000Z', updatedAt: '2026-01-05T03:00:00.000Z',
});

describe('a warning as a STIX bundle', () => {
  it('marks every object with the warning\'s TLP 2.0 marking, AMBER+STRICT as such, and carries its definition', () => {
    const bundle = toStixBundle(warning('AMBER+STRICT')) as { objects: Array<Record<string, unknown>> };
    expect(validateBundle(bundle)).toEqual([]);
    const marked = bundle.objects.filter((o) => o.type !== 'marking-definition');
    expect(marked.map((o) => o.type)).toEqual(['report', 'indicator', 'vulnerability']);
    for (const o of marked) expect(tlpOf(o)).toBe('AMBER+STRICT');
    expect(bundle.objects.find((o) => o.type === 'marking-definition')).toMatchObject({ id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', name: 'TLP:AMBER+STRICT' });
    expect(tlpOf((toStixBundle(warning('CLEAR')) as { objects: Array<Record<string, unknown>> }).objects[0]!)).toBe('CLEAR');
  });
});
