import type { IntelCollection, IntelFeed, IntelObjectDetail, IntelObjectSummary, IntelObjectVersions, Tlp } from '@lachan/contracts';
import type { FeedRow } from './feeds.service.ts';
import type { AdminCollectionRow } from './intel-admin.repository.ts';
import type { ObjectView } from './knowledge.service.ts';
import type { ObjectSummaryRow, VersionRow } from './knowledge.repository.ts';

/** A search row or graph node as the API shows it. */
export const presentSummary = (r: ObjectSummaryRow): IntelObjectSummary => ({
  id: r.id, type: r.type, name: r.name, tlp: r.tlp as Tlp | null, modified: r.modified, ownerOrgId: r.owner_org_id, ownerOrgName: r.owner_org_name,
});

/** One object with its graph. */
export const presentDetail = (v: ObjectView): IntelObjectDetail => ({
  ...presentSummary(v.row),
  created: typeof v.row.object.created === 'string' ? v.row.object.created : null,
  versionCount: v.versionCount,
  object: v.row.object,
  withheld: v.withheld,
  nodes: v.nodes.map(presentSummary),
  edges: v.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, relationshipType: e.relationship_type ?? 'related-to' })),
  sightings: v.sightings,
});

/** Every version, newest first. */
export const presentVersions = (rows: VersionRow[]): IntelObjectVersions => ({
  items: rows.map((r) => ({ version: r.version, modified: r.modified, dateAdded: r.date_added, tlp: r.tlp as Tlp | null, object: r.object })),
});

/** A collection with its grants. */
export const presentCollection = (c: AdminCollectionRow): IntelCollection => ({
  id: c.id, alias: c.alias, title: c.title, description: c.description, tlpCeiling: c.tlp_ceiling as Tlp, objectCount: c.object_count,
  grants: c.grants.map((g) => ({ orgId: g.org_id, orgName: g.org_name, canRead: g.can_read, canWrite: g.can_write })),
});

/** A registered feed. */
export const presentFeed = (f: FeedRow): IntelFeed => ({
  id: f.id, name: f.name, kind: f.kind, location: f.location, orgId: f.org_id, intervalMinutes: f.interval_minutes, lastRunAt: f.last_run_at,
});
