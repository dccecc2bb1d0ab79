import { Type, type Static } from 'typebox';
import { Day, Nullable, Timestamp, Uuid } from './common.ts';

/** Kinds of report a regime asks for (Circular 20: notification, update, initial, final). */
export const REPORT_KINDS = ['notification', 'update', 'initial', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const ReportKindSchema = Type.Enum([...REPORT_KINDS]);

/** What starts a clock: discovery, the occurrence, "beyond capacity", the end of the response, the serious flag. */
export const CLOCK_TRIGGERS = ['discovery', 'occurrence', 'beyond_capacity', 'response_end', 'serious'] as const;
export type ClockTrigger = (typeof CLOCK_TRIGGERS)[number];
export const CLOCK_UNITS = ['hours', 'calendar_days', 'working_days'] as const;

/**
 * Who a report goes to, as codes worded in the reader's language: the system owner, the national
 * coordinating agency (Circular 20), the specialised response unit, the supervising ministry, the
 * standing agency (Decision 05), the State Bank's IT department (Circular 09) and the Ministry of
 * Public Security's A05 (Decree 13).
 */
export const REPORT_RECIPIENTS = [
  'system_owner', 'national_coordinator', 'specialised_unit', 'supervising_ministry', 'standing_agency', 'sbv_it_department', 'mps_a05',
] as const;
export type ReportRecipient = (typeof REPORT_RECIPIENTS)[number];
export const ReportRecipientSchema = Type.Enum([...REPORT_RECIPIENTS]);

/** One clock rule of a regime: report `kind` due `amount` `unit` after `trigger`. */
export const ReportingRule = Type.Object({
  key: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
  kind: ReportKindSchema,
  trigger: Type.Enum([...CLOCK_TRIGGERS]),
  amount: Type.Integer({ minimum: 0, maximum: 10000 }),
  unit: Type.Enum([...CLOCK_UNITS]),
  recipientCodes: Type.Optional(Type.Array(ReportRecipientSchema, { maxItems: 10, uniqueItems: true })),
  /** Recipients no code names (an address, another body), as the regime's author wrote them. */
  recipients: Type.String({ maxLength: 500 }),
  form: Type.Optional(Type.String({ maxLength: 200 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type ReportingRule = Static<typeof ReportingRule>;

/** When a regime applies to an incident: its track (routine / serious), the owner's sectors, personal data. */
export const RegimeApplies = Type.Object({
  track: Type.Optional(Type.Enum(['routine', 'serious'])),
  sectors: Type.Optional(Type.Array(Type.String(), { maxItems: 40 })),
  personalData: Type.Optional(Type.Boolean()),
  /** Applies when an affected information system is at one of these security levels (or critical, below). */
  systemLevels: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), { maxItems: 5 })),
  /** Applies when an affected information system is critical to national security (or at `systemLevels`). */
  criticalSystem: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type RegimeApplies = Static<typeof RegimeApplies>;

export const ReportingRegime = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  legalBasis: Type.String(),
  applies: RegimeApplies,
  rules: Type.Array(ReportingRule),
  active: Type.Boolean(),
  effectiveFrom: Day,
  effectiveTo: Nullable(Day),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ReportingRegime = Static<typeof ReportingRegime>;

const regimeFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  nameEn: Type.String({ minLength: 1, maxLength: 300 }),
  legalBasis: Type.String({ maxLength: 300 }),
  applies: RegimeApplies,
  rules: Type.Array(ReportingRule, { maxItems: 20 }),
  active: Type.Boolean(),
  effectiveFrom: Day,
  effectiveTo: Nullable(Day),
};
export const ReportingRegimeCreate = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
  ...regimeFields,
  legalBasis: Type.Optional(regimeFields.legalBasis),
  active: Type.Optional(regimeFields.active),
  effectiveFrom: Type.Optional(regimeFields.effectiveFrom),
  effectiveTo: Type.Optional(regimeFields.effectiveTo),
}, { additionalProperties: false });
export type ReportingRegimeCreate = Static<typeof ReportingRegimeCreate>;
export const ReportingRegimePatch = Type.Partial(Type.Object(regimeFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type ReportingRegimePatch = Static<typeof ReportingRegimePatch>;

const text = (max = 2000) => Type.Optional(Type.String({ maxLength: max }));

/**
 * The content of a report: the notification fields of Circular 20 (reporting unit, focal point,
 * affected system, times, class, description, status, scope and impact, suspected source and IOCs,
 * actions taken, beyond capacity, support requested, recipients), and for updates the previous report.
 */
export const ReportContent = Type.Object({
  reportingUnit: Type.Optional(Type.Object({ name: Type.String({ maxLength: 300 }), address: text(500) }, { additionalProperties: false })),
  focalPoint: Type.Optional(Type.Object({ name: Type.String({ maxLength: 200 }), position: text(200), unit: text(300), phone: text(50), email: text(200) }, { additionalProperties: false })),
  affectedSystem: Type.Optional(Type.Object({
    name: Type.String({ maxLength: 300 }), owner: text(300), operator: text(300), securityLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    functionType: text(100), location: text(500),
  }, { additionalProperties: false })),
  discoveredAt: Type.Optional(Timestamp),
  occurredAt: Type.Optional(Timestamp),
  category: text(100),
  description: text(20000),
  status: Type.Optional(Type.Enum(['ongoing', 'contained', 'resolved'])),
  scopeImpact: text(5000),
  suspectedSource: text(2000),
  iocs: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 1000 })),
  actionsTaken: text(10000),
  beyondCapacity: Type.Optional(Type.Boolean()),
  supportRequested: text(5000),
  recipientsNotified: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 50 })),
  previousReport: Type.Optional(Type.Object({ number: Type.String({ maxLength: 100 }), date: Type.String({ maxLength: 40 }) }, { additionalProperties: false })),
  rootCause: text(10000),
  lessonsLearned: text(10000),
}, { additionalProperties: false });
export type ReportContent = Static<typeof ReportContent>;

export const IncidentReport = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  regimeId: Nullable(Uuid),
  regimeCode: Nullable(Type.String()),
  kind: ReportKindSchema,
  version: Type.Integer(),
  content: ReportContent,
  submittedById: Nullable(Uuid),
  submittedByName: Type.String(),
  submittedByOrgId: Uuid,
  submittedAt: Timestamp,
});
export type IncidentReport = Static<typeof IncidentReport>;

export const IncidentReportCreate = Type.Object({
  kind: ReportKindSchema,
  regimeCode: Type.Optional(Type.String({ description: 'the regime it answers; omitted = every regime of the incident asking for this kind' })),
  content: ReportContent,
}, { additionalProperties: false });
export type IncidentReportCreate = Static<typeof IncidentReportCreate>;

export const DeadlinesQuery = Type.Object({
  orgId: Type.Optional(Uuid),
  state: Type.Optional(Type.Enum(['open', 'overdue', 'all'], { default: 'open' })),
});
export type DeadlinesQuery = Static<typeof DeadlinesQuery>;
