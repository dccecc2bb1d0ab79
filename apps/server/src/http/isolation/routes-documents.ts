import { get, row, type RouteSpec } from './spec.ts';

const onOwn = (ownStatus: number) => row(401, 404, 404, 403, ownStatus);
const year = new Date().getUTCFullYear();

/** Printable documents (PDF and HTML) of the own organisation's incident, warning and periodic report. */
export const DOCUMENT_ROUTES: RouteSpec[] = [
  { route: 'GET /api/v1/incidents/:id/document', request: (w) => get(`/api/v1/incidents/${w.incidents.id}/document?format=pdf`), expect: onOwn(200) },
  { route: 'GET /api/v1/incidents/:id/document', variant: 'html', request: (w) => get(`/api/v1/incidents/${w.incidents.id}/document?format=html&lang=en`), expect: onOwn(200) },
  { route: 'GET /api/v1/warnings/:id/document', request: (w) => get(`/api/v1/warnings/${w.warnings.issuedId}/document`), expect: onOwn(200) },
  { route: 'GET /api/v1/warnings/:id/document', variant: 'html', request: (w) => get(`/api/v1/warnings/${w.warnings.issuedId}/document?format=html`), expect: onOwn(200) },
  {
    route: 'GET /api/v1/stats/reports/periodic',
    variant: 'pdf',
    request: (w) => get(`/api/v1/stats/reports/periodic?orgId=${w.org.own}&period=${year}-H1&format=pdf`),
    expect: row(401, 403, 403, 403, 200),
  },
];
