import type { PageRow } from './stix-objects.repository.ts';
import type { StatusRow } from './taxii-collections.repository.ts';
import type { TaxiiPage, VisibleCollection } from './taxii.service.ts';
import { STIX_MEDIA_TYPE } from './taxii-http.ts';

/** The version a client sees: `modified` as written, else the stored time (microseconds). */
const versionOf = (r: PageRow): string => r.modified ?? `${r.version.slice(0, 26)}Z`;

/** Collection resource (TAXII 2.1 §5.2). */
export function presentCollection(c: VisibleCollection): Record<string, unknown> {
  return {
    id: c.id, title: c.title, ...(c.description ? { description: c.description } : {}), ...(c.alias ? { alias: c.alias } : {}),
    can_read: c.canRead, can_write: c.canWrite, media_types: [STIX_MEDIA_TYPE],
  };
}

/**
 * Paging members shared by envelopes, manifests and versions; `{}` when empty, as the reference server
 * answers, unless more follow (a page whose versions this reader may not see still leads on to the next).
 */
function paging(page: TaxiiPage, key: string, items: unknown[]): Record<string, unknown> {
  if (items.length === 0 && !page.more) return {};
  return { more: page.more, ...(page.next ? { next: page.next } : {}), ...(items.length > 0 ? { [key]: items } : {}) };
}

/** Envelope of objects (§3.7). */
export const presentEnvelope = (page: TaxiiPage): Record<string, unknown> => paging(page, 'objects', page.rows.map((r) => r.object));

/** Manifest (§5.6); each record's media type names the version's own spec version. */
export const presentManifest = (page: TaxiiPage): Record<string, unknown> =>
  paging(page, 'objects', page.rows.map((r) => ({ id: r.object_id, date_added: r.date_added, version: versionOf(r), media_type: `application/stix+json;version=${r.spec_version}` })));

/** Versions of one object (§5.9). */
export const presentVersions = (page: TaxiiPage): Record<string, unknown> => paging(page, 'versions', page.rows.map(versionOf));

/** The X-TAXII-Date-Added-First/Last headers of the span a page read (none when it read nothing), so a client resuming from them skips nothing. */
export function dateAddedHeaders(page: TaxiiPage): Record<string, string> {
  return page.span ? { 'x-taxii-date-added-first': page.span.first, 'x-taxii-date-added-last': page.span.last } : {};
}

/** Status resource (§4.3). */
export function presentStatus(s: StatusRow): Record<string, unknown> {
  return {
    id: s.id, status: s.status, request_timestamp: s.request_timestamp, total_count: s.total_count,
    success_count: s.success_count, successes: s.successes, failure_count: s.failure_count, failures: s.failures,
    pending_count: s.pending_count, pendings: s.pendings,
  };
}
