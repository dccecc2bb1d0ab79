import { Type, type Static } from 'typebox';
import { Day, Nullable, Timestamp, Uuid } from './common.ts';
import { IngestResult } from './alerts.ts';

/** Report feeds accepted at `POST /api/v1/constituency/reports/{feed}`. */
export const CONSTITUENCY_FEED_NAMES = ['shadowserver', 'urlhaus', 'feodo', 'threatfox', 'csv'] as const;
export type ConstituencyFeedName = (typeof CONSTITUENCY_FEED_NAMES)[number];
export const ConstituencyFeedSchema = Type.Enum([...CONSTITUENCY_FEED_NAMES]);

/** Canonical fields a centre-defined CSV mapping may fill from its columns. */
export const CONSTITUENCY_MAPPED_FIELDS = ['time', 'ip', 'port', 'domain', 'url', 'hostname', 'protocol', 'asn', 'severity', 'malware', 'description'] as const;

const ReportType = Type.String({ pattern: '^[a-z0-9_]{1,64}$', description: 'report type: lower-case letters, digits, _' });
const ColumnName = Type.String({ minLength: 1, maxLength: 128 });

export const ConstituencyReportQuery = Type.Object({
  report: Type.Optional(ReportType),
  filename: Type.Optional(Type.String({ maxLength: 255, description: 'the report file name as delivered (Shadowserver: 2026-12-05-scan_rdp-….csv gives type and day)' })),
  reportDate: Type.Optional(Day),
  mappingId: Type.Optional(Uuid),
});
export type ConstituencyReportQuery = Static<typeof ConstituencyReportQuery>;

export const ConstituencyReportResult = Type.Object({
  ...IngestResult.properties,
  report: Type.String({ description: 'the report type the rows were read as' }),
});
export type ConstituencyReportResult = Static<typeof ConstituencyReportResult>;

const MappingColumns = Type.Object({
  time: Type.Optional(ColumnName),
  ip: Type.Optional(ColumnName),
  port: Type.Optional(ColumnName),
  domain: Type.Optional(ColumnName),
  url: Type.Optional(ColumnName),
  hostname: Type.Optional(ColumnName),
  protocol: Type.Optional(ColumnName),
  asn: Type.Optional(ColumnName),
  severity: Type.Optional(ColumnName),
  malware: Type.Optional(ColumnName),
  description: Type.Optional(ColumnName),
}, { additionalProperties: false });

const mappingFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  reportType: ReportType,
  delimiter: Type.Enum([',', ';', '|', '\t']),
  columns: MappingColumns,
  rsitClass: Nullable(Type.String({ maxLength: 64 })),
  rsitType: Nullable(Type.String({ maxLength: 64 })),
  severity: Type.Integer({ minimum: 1, maximum: 4, description: 'when a row names none' }),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone of times written without one' }),
};

export const ConstituencyMappingCreate = Type.Object(mappingFields, { additionalProperties: false });
export type ConstituencyMappingCreate = Static<typeof ConstituencyMappingCreate>;
export const ConstituencyMappingUpdate = Type.Partial(Type.Object(mappingFields, { additionalProperties: false }), { additionalProperties: false });
export type ConstituencyMappingUpdate = Static<typeof ConstituencyMappingUpdate>;

export const ConstituencyMapping = Type.Object({ id: Uuid, ...mappingFields, columns: Type.Record(Type.String(), Type.String()), createdAt: Timestamp, updatedAt: Timestamp });
export type ConstituencyMapping = Static<typeof ConstituencyMapping>;

export const ConstituencyRowQuery = Type.Object({
  orgId: Type.Optional(Uuid),
  feed: Type.Optional(ConstituencyFeedSchema),
  reportType: Type.Optional(ReportType),
  owner: Type.Optional(Type.Enum(['known', 'unknown'])),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type ConstituencyRowQuery = Static<typeof ConstituencyRowQuery>;

/** One stored row of a constituency report: the alert it became and whose queue it is in. */
export const ConstituencyRow = Type.Object({
  id: Type.String(),
  alertId: Type.String(),
  orgId: Uuid,
  orgName: Type.String(),
  attributed: Type.Boolean(),
  feed: Type.String(),
  reportType: Type.String(),
  reportDay: Day,
  host: Nullable(Type.String()),
  severity: Type.Integer({ minimum: 1, maximum: 4 }),
  title: Type.String(),
  sectors: Type.Array(Type.String()),
  provinceCode: Nullable(Type.String()),
  receivedAt: Timestamp,
});
export type ConstituencyRow = Static<typeof ConstituencyRow>;

export const ConstituencyStatsQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), orgId: Type.Optional(Uuid) });
export type ConstituencyStatsQuery = Static<typeof ConstituencyStatsQuery>;

const Count = Type.Object({ key: Type.String(), rows: Type.Integer() });
export const ConstituencyStats = Type.Object({
  period: Type.Object({ from: Day, to: Day }),
  total: Type.Integer(),
  unknownOwner: Type.Integer({ description: 'rows no organisation registered (seen only by the sender, the centre)' }),
  byReportType: Type.Array(Count),
  bySector: Type.Array(Count),
  byProvince: Type.Array(Count),
  byDay: Type.Array(Count),
});
export type ConstituencyStats = Static<typeof ConstituencyStats>;

export const ConstituencyDigestQuery = Type.Object({ orgId: Type.Optional(Uuid), day: Type.Optional(Day) });
export type ConstituencyDigestQuery = Static<typeof ConstituencyDigestQuery>;

/** An organisation's digest of one day (rows received that day, UTC) and how its e-mail went. */
export const ConstituencyDigest = Type.Object({
  orgId: Uuid,
  day: Day,
  total: Type.Integer(),
  byReportType: Type.Array(Type.Object({ reportType: Type.String(), rows: Type.Integer(), hosts: Type.Integer(), maxSeverity: Type.Integer() })),
  rows: Type.Array(ConstituencyRow),
  email: Nullable(Type.Object({
    status: Type.Enum(['pending', 'sent', 'no_address', 'failed']),
    recipient: Nullable(Type.String()),
    attempts: Type.Integer(),
    lastError: Nullable(Type.String()),
    sentAt: Nullable(Timestamp),
  })),
});
export type ConstituencyDigest = Static<typeof ConstituencyDigest>;
