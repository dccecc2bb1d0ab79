import { Type, type Static } from 'typebox';
import { Nullable, TlpSchema, Uuid } from './common.ts';

/** Knowledge-base search: free text (diacritic-insensitive, also pattern and observable values), type, actor, technique, TLP. */
export const IntelObjectQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  type: Type.Optional(Type.String({ maxLength: 400, description: 'one STIX type or several separated by commas' })),
  actor: Type.Optional(Type.String({ maxLength: 200, description: 'intrusion-set or threat-actor name: the actor and the objects related to it' })),
  technique: Type.Optional(Type.String({ maxLength: 200, description: 'ATT&CK id (T1566, T1566.001) or technique name: the technique and the objects related to it' })),
  tlp: Type.Optional(TlpSchema),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  /** The knowledge added in this exercise instead of the real knowledge base (its teams while under way, its white team). */
  exerciseId: Type.Optional(Uuid),
});
export type IntelObjectQuery = Static<typeof IntelObjectQuery>;
/** Reading one object of an exercise's knowledge (issue 17); without it, the real knowledge base. */
export const IntelExerciseQuery = Type.Object({ exerciseId: Type.Optional(Uuid) });
export type IntelExerciseQuery = Static<typeof IntelExerciseQuery>;

/** One object (its newest version) in a search result or a graph node. */
export const IntelObjectSummary = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Type.String({ description: 'name, observable value or pattern' }),
  tlp: Nullable(TlpSchema),
  modified: Nullable(Type.String()),
  ownerOrgId: Nullable(Uuid),
  ownerOrgName: Nullable(Type.String()),
});
export type IntelObjectSummary = Static<typeof IntelObjectSummary>;

/** A page of search results, newest first; `nextCursor` continues it. */
export const IntelObjectPage = Type.Object({ items: Type.Array(IntelObjectSummary), nextCursor: Nullable(Type.String()) });
export type IntelObjectPage = Static<typeof IntelObjectPage>;

/** A relationship between two objects, as a graph edge. */
export const IntelEdge = Type.Object({
  id: Type.String({ description: 'the relationship object id' }),
  source: Type.String(),
  target: Type.String(),
  relationshipType: Type.String(),
});
export type IntelEdge = Static<typeof IntelEdge>;

/** One object's newest version with its relationships (both directions) and how often it was sighted. */
export const IntelObjectDetail = Type.Object({
  ...IntelObjectSummary.properties,
  created: Nullable(Type.String()),
  versionCount: Type.Integer(),
  object: Type.Record(Type.String(), Type.Unknown(), { description: 'the STIX object, without the parts its granular markings put above what the caller may see' }),
  withheld: Type.Array(Type.String(), { description: 'selectors of the parts left out of `object` (granular TLP markings above what the caller may see)' }),
  nodes: Type.Array(IntelObjectSummary, { description: 'this object and the visible objects related to it' }),
  edges: Type.Array(IntelEdge),
  sightings: Type.Object({ stix: Type.Integer({ description: 'sighting objects that refer to it' }), alerts: Type.Integer({ description: 'alerts that matched its values, in the caller\'s scope' }) }),
});
export type IntelObjectDetail = Static<typeof IntelObjectDetail>;

/** Every version of one object the caller may see, newest first, each as the full object. */
export const IntelObjectVersions = Type.Object({
  items: Type.Array(Type.Object({ version: Type.String(), modified: Nullable(Type.String()), dateAdded: Type.String(), tlp: Nullable(TlpSchema), object: Type.Record(Type.String(), Type.Unknown()) })),
});
export type IntelObjectVersions = Static<typeof IntelObjectVersions>;

/** Read / write right of one organisation on a collection. */
export const CollectionGrant = Type.Object({ orgId: Uuid, canRead: Type.Boolean(), canWrite: Type.Boolean() }, { additionalProperties: false });
export type CollectionGrant = Static<typeof CollectionGrant>;

/** A TAXII collection with every organisation's grant (centre administration). */
export const IntelCollection = Type.Object({
  id: Uuid,
  alias: Nullable(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  tlpCeiling: TlpSchema,
  objectCount: Type.Integer(),
  grants: Type.Array(Type.Object({ ...CollectionGrant.properties, orgName: Type.String() })),
});
export type IntelCollection = Static<typeof IntelCollection>;

export const IntelCollectionList = Type.Object({ items: Type.Array(IntelCollection) });
export type IntelCollectionList = Static<typeof IntelCollectionList>;

/** Changes to a collection; `grants`, when given, replaces every grant. */
export const IntelCollectionPatch = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  tlpCeiling: Type.Optional(TlpSchema),
  grants: Type.Optional(Type.Array(CollectionGrant, { maxItems: 1000 })),
}, { additionalProperties: false, minProperties: 1 });
export type IntelCollectionPatch = Static<typeof IntelCollectionPatch>;

/** A registered feed. */
export const IntelFeed = Type.Object({
  id: Uuid, name: Type.String(), kind: Type.Enum(['misp', 'csv', 'taxii']), location: Type.String(), orgId: Uuid,
  intervalMinutes: Type.Integer(), lastRunAt: Nullable(Type.String()),
});
export type IntelFeed = Static<typeof IntelFeed>;

export const IntelFeedList = Type.Object({ items: Type.Array(IntelFeed) });
export type IntelFeedList = Static<typeof IntelFeedList>;

const IntakeNote = Type.Object({ index: Type.Integer(), message: Type.String() });

/** An intake run (bundle upload, ATT&CK import, feed run, TAXII pull): counts, errors and, while a large upload is read, its byte progress. */
export const IntelIntakeRun = Type.Object({
  id: Type.String(), kind: Type.String(), source: Type.String(), orgId: Type.String(), startedAt: Type.String(), finishedAt: Nullable(Type.String()),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('interrupted')], { description: 'interrupted: the server process carrying the run ended first (see its notes)' }),
  received: Type.Integer(), stored: Type.Integer(), duplicates: Type.Integer(), invalid: Type.Integer(),
  errors: Type.Array(IntakeNote), notes: Type.Array(IntakeNote, { description: 'Not errors: e.g. an indicator value a warninglist marks as known-benign, and which list' }),
  bytesRead: Type.Number({ description: 'Bytes of the uploaded body read so far' }), bytesTotal: Nullable(Type.Number({ description: 'Content-Length of the upload, when sent' })),
});
export type IntelIntakeRun = Static<typeof IntelIntakeRun>;

/** Registers a feed: a MISP feed or a one-value-per-line list (URL or folder), or a remote TAXII 2.1 collection. */
export const IntelFeedInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }), kind: Type.Union([Type.Literal('misp'), Type.Literal('csv'), Type.Literal('taxii')]),
  location: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL on an allowed host (the API root for taxii), or a directory (MISP) or file (csv) under the configured feed root' }),
  intervalMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10080 })),
  collectionId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'taxii: the remote collection id' })),
  auth: Type.Optional(Type.Union([
    Type.Object({ kind: Type.Literal('basic'), username: Type.String({ maxLength: 500 }), password: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('bearer'), token: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
  ], { description: 'taxii: credentials, stored sealed and never returned' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'taxii: objects asked per page' })),
}, { additionalProperties: false });
export type IntelFeedInput = Static<typeof IntelFeedInput>;
