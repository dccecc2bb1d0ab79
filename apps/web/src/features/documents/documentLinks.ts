import { apiUrl } from '../../api/client.ts';

/** The three ways to get one printable document: the HTML view to print, and the PDF in either language. */
export interface DocumentLinks {
  html: string;
  pdfVi: string;
  pdfEn: string;
}

/** Links to a document route (`/incidents/:id/document`, `/warnings/:id/document`) with its own query. */
export function documentLinks(path: string, lang: 'vi' | 'en', query: Record<string, string> = {}): DocumentLinks {
  return {
    html: apiUrl(path, { ...query, format: 'html', lang }),
    pdfVi: apiUrl(path, { ...query, format: 'pdf', lang: 'vi' }),
    pdfEn: apiUrl(path, { ...query, format: 'pdf', lang: 'en' }),
  };
}

/** The periods a Circular 20 periodic report can be asked for now: this and last half-year, this and last year. */
export function reportPeriods(today: Date): { period: string; half: 1 | 2 | null; year: number }[] {
  const y = today.getUTCFullYear();
  const h = today.getUTCMonth() < 6 ? 1 : 2;
  const prev = h === 1 ? { half: 2 as const, year: y - 1 } : { half: 1 as const, year: y };
  return [
    { period: `${y}-H${h}`, half: h, year: y },
    { period: `${prev.year}-H${prev.half}`, half: prev.half, year: prev.year },
    { period: String(y), half: null, year: y },
    { period: String(y - 1), half: null, year: y - 1 },
  ];
}
