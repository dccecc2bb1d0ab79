import { describe, expect, it } from 'vitest';
import { documentLinks, reportPeriods } from './documentLinks.ts';

describe('document links', () => {
  it('opens the HTML view in the console language and downloads the PDF in either language', () => {
    expect(documentLinks('/incidents/abc/document', 'en')).toEqual({
      html: '/api/v1/incidents/abc/document?format=html&lang=en',
      pdfVi: '/api/v1/incidents/abc/document?format=pdf&lang=vi',
      pdfEn: '/api/v1/incidents/abc/document?format=pdf&lang=en',
    });
  });

  it('offers this and last half-year, this and last year (Circular 20: six-monthly and annual)', () => {
    expect(reportPeriods(new Date('2026-03-10T00:00:00Z')).map((p) => p.period)).toEqual(['2026-H1', '2025-H2', '2026', '2025']);
    expect(reportPeriods(new Date('2026-12-06T00:00:00Z')).map((p) => p.period)).toEqual(['2026-H2', '2026-H1', '2026', '2025']);
  });
});
