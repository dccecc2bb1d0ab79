import { Type, type Static } from 'typebox';
import { Day, Nullable, Timestamp, Uuid } from './common.ts';

/** Kinds of organisation in the national response network. */
export const ORG_KINDS = [
  'coordination_centre',
  'ministry',
  'province',
  'regulator',
  'ci_operator',
  'agency',
  'soc_provider',
  'response_team',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const OrgKindSchema = Type.Enum([...ORG_KINDS]);

export const ORG_STATUSES = ['active', 'retired', 'merged'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/** A 24/7 incident-response focal point (Circular 20/2017). */
export const FocalPoint = Type.Object({
  id: Uuid,
  name: Type.String(),
  position: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  available247: Type.Boolean(),
  isPrimary: Type.Boolean(),
});
export type FocalPoint = Static<typeof FocalPoint>;

export const FocalPointInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  position: Type.String({ maxLength: 200, default: '' }),
  phone: Type.String({ minLength: 3, maxLength: 50 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  available247: Type.Boolean({ default: true }),
  isPrimary: Type.Boolean({ default: false }),
}, { additionalProperties: false });
export type FocalPointInput = Static<typeof FocalPointInput>;
export const FocalPointsReplace = Type.Object({ focalPoints: Type.Array(FocalPointInput, { maxItems: 20 }) }, { additionalProperties: false });
export type FocalPointsReplace = Static<typeof FocalPointsReplace>;

/** A SOC provider serving a client organisation. */
export const SocLink = Type.Object({
  providerId: Uuid,
  providerName: Type.String(),
  clientId: Uuid,
  clientName: Type.String(),
  services: Type.Array(Type.String()),
  since: Day,
});
export type SocLink = Static<typeof SocLink>;

export const SocLinkCreate = Type.Object({
  clientId: Uuid,
  services: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20, default: ['monitoring'] }),
  since: Type.Optional(Day),
}, { additionalProperties: false });
export type SocLinkCreate = Static<typeof SocLinkCreate>;

/** One line of the directory. */
export const OrgSummary = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    shortName: Nullable(Type.String()),
    kind: OrgKindSchema,
    parentId: Nullable(Uuid),
    provinceCode: Nullable(Type.String()),
    sectors: Type.Array(Type.String()),
    status: Type.Enum([...ORG_STATUSES]),
    mergedIntoId: Nullable(Uuid),
  },

);
export type OrgSummary = Static<typeof OrgSummary>;

/** The full record of an organisation, with focal points and SOC links. */
export const Organization = Type.Object(
  {
    ...OrgSummary.properties,
    securityLevel: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
    website: Nullable(Type.String()),
    incidentReceptionEmail: Nullable(Type.String()),
    address: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    focalPoints: Type.Array(FocalPoint),
    socProviders: Type.Array(SocLink),
    socClients: Type.Array(SocLink),
    mergedFrom: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  },

);
export type Organization = Static<typeof Organization>;

const editable = {
  name: Type.String({ minLength: 2, maxLength: 300 }),
  nameEn: Nullable(Type.String({ maxLength: 300 })),
  shortName: Nullable(Type.String({ maxLength: 40 })),
  kind: OrgKindSchema,
  provinceCode: Nullable(Type.String({ pattern: '^[0-9]{2}$' })),
  sectors: Type.Array(Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }), { maxItems: 20, uniqueItems: true }),
  securityLevel: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  website: Nullable(Type.String({ maxLength: 300 })),
  incidentReceptionEmail: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  address: Nullable(Type.String({ maxLength: 500 })),
};

export const OrgCreate = Type.Object({
  ...editable,
  nameEn: Type.Optional(editable.nameEn),
  shortName: Type.Optional(editable.shortName),
  provinceCode: Type.Optional(editable.provinceCode),
  sectors: Type.Optional(editable.sectors),
  securityLevel: Type.Optional(editable.securityLevel),
  website: Type.Optional(editable.website),
  incidentReceptionEmail: Type.Optional(editable.incidentReceptionEmail),
  address: Type.Optional(editable.address),
  parentId: Nullable(Uuid),
}, { additionalProperties: false });
export type OrgCreate = Static<typeof OrgCreate>;

export const OrgPatch = Type.Partial(Type.Object(editable, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type OrgPatch = Static<typeof OrgPatch>;

export const OrgMove = Type.Object({ parentId: Nullable(Uuid) }, { additionalProperties: false });
export type OrgMove = Static<typeof OrgMove>;
export const OrgMerge = Type.Object({ intoId: Uuid, reason: Type.String({ minLength: 3, maxLength: 1000 }) }, { additionalProperties: false });
export type OrgMerge = Static<typeof OrgMerge>;
export const OrgRetire = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, { additionalProperties: false });
export type OrgRetire = Static<typeof OrgRetire>;

export const OrgListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'matches names, ignoring Vietnamese diacritics' })),
  sector: Type.Optional(Type.String()),
  province: Type.Optional(Type.String()),
  kind: Type.Optional(OrgKindSchema),
  parentId: Type.Optional(Uuid),
  status: Type.Optional(Type.Enum([...ORG_STATUSES, 'all'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
});
export type OrgListQuery = Static<typeof OrgListQuery>;

/** A structural change in an organisation's life (created, moved, merged, retired, edited). */
export const OrgHistoryEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  action: Type.String(),
  actorName: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type OrgHistoryEntry = Static<typeof OrgHistoryEntry>;
