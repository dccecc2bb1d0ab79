import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { emptyReportForm, formToCreate, iocList, validateReportForm, type ReportFormValues } from './reportForm.ts';

const t = ((key: string) => key) as unknown as TFunction;
const NOW = Date.parse('2026-11-21T10:00:00Z');

const filled = (): ReportFormValues => ({
  ...emptyReportForm({ unitName: 'Sở TT&TT Đà Nẵng', name: 'Lê Văn Cường', email: 'cuong@danang.gov.vn' }, '2026-11-21T16:30'),
  title: 'Mã độc tống tiền trên cổng dịch vụ công',
  sysName: 'Cổng dịch vụ công',
  sysLevel: '3',
  occurredAt: '2026-11-21T15:00',
  category: 'malicious-code',
  description: 'Các tệp bị mã hóa.',
  iocs: '203.0.113.7\nevil.example, \n',
});

describe('the Circular 20 notification form', () => {
  it('asks for what the circular requires before sending', () => {
    const blank = { ...emptyReportForm({ unitName: '', name: '', email: '' }, ''), status: null };
    const errors = validateReportForm(blank, t, true, NOW);
    expect(Object.keys(errors).sort()).toEqual(['category', 'description', 'discoveredAt', 'fpName', 'fpPhone', 'status', 'sysName', 'title', 'unitName'].sort());
    expect(validateReportForm(filled(), t, true, NOW)).toEqual({});
  });

  it('refuses times that cannot be: discovery in the future, occurrence after discovery', () => {
    const errors = validateReportForm({ ...filled(), discoveredAt: '2026-11-22T09:00', occurredAt: '2026-11-23T00:00' }, t, true, NOW);
    expect(errors.discoveredAt).toBe('incidents.report.validation.future');
    expect(errors.occurredAt).toBe('incidents.report.validation.beforeDiscovery');
    expect(validateReportForm({ ...filled(), fpEmail: 'not-an-email' }, t, true, NOW).fpEmail).toBe('validation.email');
  });

  it('turns the form into an incident with its notification, times in Vietnam time', () => {
    const body = formToCreate(filled(), 'org-1');
    expect(body).toMatchObject({ orgId: 'org-1', title: 'Mã độc tống tiền trên cổng dịch vụ công', severity: 2, tlp: 'AMBER' });
    expect(body.report).toMatchObject({
      reportingUnit: { name: 'Sở TT&TT Đà Nẵng' },
      affectedSystem: { name: 'Cổng dịch vụ công', securityLevel: 3 },
      discoveredAt: '2026-11-21T09:30:00.000Z',
      occurredAt: '2026-11-21T08:00:00.000Z',
      category: 'malicious-code',
      iocs: ['203.0.113.7', 'evil.example'],
      beyondCapacity: false,
    });
    expect(body.report?.scopeImpact).toBeUndefined();
    expect(iocList(' a ,b\n\nc ')).toEqual(['a', 'b', 'c']);
  });
});
