import { Type, type Static } from 'typebox';
import { Day, Nullable, Timestamp, TlpSchema, Uuid } from './common.ts';
import { AlertId } from './alerts-api.ts';
import { ReportContent, ReportRecipientSchema } from './incidents-reporting.ts';
import { MemberCount } from './counts.ts';
import { IncidentSystem } from './system-links.ts';

/** Lifecycle of an incident; `closed` and `rejected` end it. */
export const INCIDENT_STATUSES = ['new', 'triage', 'containment', 'eradication', 'recovery', 'closed', 'rejected'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const IncidentStatusSchema = Type.Enum([...INCIDENT_STATUSES]);

/** Permission profile of an organisation on an incident (TheHive-like sharing profiles). */
export const SHARE_PROFILES = ['read_only', 'analyst', 'owner'] as const;
export type ShareProfile = (typeof SHARE_PROFILES)[number];
export const ShareProfileSchema = Type.Enum([...SHARE_PROFILES]);

/** Permissible Actions Protocol labels. */
export const PAP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'RED'] as const;
export const PapSchema = Type.Enum([...PAP_LEVELS]);

export const IncidentSeverity = Type.Integer({ minimum: 1, maximum: 4, description: '1 low, 2 medium, 3 high, 4 critical' });
export const IncidentObservable = Type.Object({ type: Type.String({ minLength: 1, maxLength: 40 }), value: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export type IncidentObservable = Static<typeof IncidentObservable>;

/** The affected information system (Decree 85/2016 security level 1–5). */
export const AffectedSystem = Type.Object({
  name: Type.String({ maxLength: 300 }),
  owner: Type.Optional(Type.String({ maxLength: 300 })),
  operator: Type.Optional(Type.String({ maxLength: 300 })),
  securityLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  functionType: Type.Optional(Type.String({ maxLength: 100 })),
  location: Type.Optional(Type.String({ maxLength: 500, description: 'IP, domain or place' })),
}, { additionalProperties: false });
export type AffectedSystem = Static<typeof AffectedSystem>;

/** Codes of the titles the server makes for incidents (a promotion rule's group, chosen alerts). */
export const INCIDENT_TITLE_CODES = ['promoted', 'alerts'] as const;
export type IncidentTitleCode = (typeof INCIDENT_TITLE_CODES)[number];

/** One line of the incident list. */
export const IncidentSummary = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  reference: Type.String({ description: 'human reference, e.g. LC-000123' }),
  orgId: Uuid,
  orgName: Type.String(),
  title: Type.String(),
  severity: IncidentSeverity,
  status: IncidentStatusSchema,
  tlp: TlpSchema,
  pap: PapSchema,
  serious: Type.Boolean({ description: 'national serious incident (Decision 05/2017 track)' }),
  rsitClass: Nullable(Type.String()),
  rsitType: Nullable(Type.String()),
  source: Type.Enum(['alerts', 'manual', 'report']),
  /**
   * A server-made title as a code and its parameters, for the console to word in the reader's
   * language (`title` is its English wording); null once someone writes the title.
   */
  titleCode: Nullable(Type.Enum([...INCIDENT_TITLE_CODES])),
  titleParams: Nullable(Type.Record(Type.String(), Type.String())),
  ruleId: Nullable(Uuid),
  /** The earlier incident this one follows: of the same group (ended or gone quiet), or the one it was split from. */
  relatedIncidentId: Nullable(Uuid),
  alertCount: Type.Integer(),
  assigneeUserId: Nullable(Uuid),
  nextDeadlineAt: Nullable(Timestamp),
  firstAlertAt: Nullable(Timestamp),
  lastAlertAt: Nullable(Timestamp),
  discoveredAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The exercise it belongs to (issue 17): shown with the exercise banner, never in the real list. */
  exerciseId: Nullable(Uuid),
});
export type IncidentSummary = Static<typeof IncidentSummary>;

export const IncidentListQuery = Type.Object({
  status: Type.Optional(Type.Union([IncidentStatusSchema, Type.Enum(['open'])], { description: '`open` = neither closed nor rejected' })),
  severity: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'at least this severity' })),
  orgId: Type.Optional(Uuid),
  class: Type.Optional(Type.String({ maxLength: 60, description: 'RSIT class' })),
  serious: Type.Optional(Type.Boolean()),
  tlp: Type.Optional(TlpSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'text search, diacritics ignored; a reference (LC-123) finds that incident' })),
  assigned: Type.Optional(Type.Enum(['me'], { description: 'incidents assigned to the caller' })),
  overdue: Type.Optional(Type.Boolean({ description: 'only incidents with a reporting deadline passed' })),
  sector: Type.Optional(Type.String({ maxLength: 64, description: 'incidents of organisations in this sector' })),
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'incidents of organisations in this province' })),
  /** Opened on these days (UTC), as statistics count them: a figure's drill-down. */
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  exercise: Type.Optional(Type.Boolean({ description: 'the incidents of exercises only; without it, real incidents only' })),
  exerciseId: Type.Optional(Type.String({ format: 'uuid', description: "the incidents of this one exercise only (implies `exercise=true`), within the caller's scope" })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type IncidentListQuery = Static<typeof IncidentListQuery>;

/** How the caller reaches an incident, so the console shows only what the server allows. */
export const IncidentAccess = Type.Object({
  profile: ShareProfileSchema,
  via: Type.Array(Type.Enum(['owner', 'hierarchy', 'soc', 'link', 'share', 'national'])),
  canWrite: Type.Boolean(),
  canManage: Type.Boolean({ description: 'share, transfer, change TLP, close' }),
});
export type IncidentAccess = Static<typeof IncidentAccess>;

/** A reporting deadline of an incident under one regime rule. */
export const Deadline = Type.Object({
  incidentId: Uuid,
  incidentReference: Type.String(),
  incidentTitle: Type.String(),
  /** A server-made title as code and parameters, worded by the console (as the incident's own `titleCode`). */
  incidentTitleCode: Nullable(Type.Enum([...INCIDENT_TITLE_CODES])),
  incidentTitleParams: Nullable(Type.Record(Type.String(), Type.String())),
  orgId: Uuid,
  regimeId: Uuid,
  regimeCode: Type.String(),
  ruleKey: Type.String(),
  kind: Type.Enum(['notification', 'update', 'initial', 'final']),
  recipientCodes: Type.Array(ReportRecipientSchema),
  recipients: Type.String(),
  startedAt: Nullable(Timestamp),
  dueAt: Nullable(Timestamp),
  state: Type.Enum(['pending', 'due', 'overdue', 'met', 'met_late']),
  secondsLeft: Nullable(Type.Integer({ description: 'negative when overdue' })),
  metAt: Nullable(Timestamp),
});
export type Deadline = Static<typeof Deadline>;

export const IncidentDetail = Type.Object({
  ...IncidentSummary.properties,
  description: Type.String(),
  personalData: Type.Boolean(),
  attack: Type.Array(Type.String()),
  affectedAssets: Type.Array(Type.String()),
  affectedSystem: Nullable(AffectedSystem),
  /** Registered information systems the incident affects (level 4-5 or critical raise severity and reporting duties). */
  systems: Type.Array(IncidentSystem),
  affectedOrgs: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  observables: Type.Array(IncidentObservable),
  /** Indicators of the knowledge base its alerts matched. */
  indicators: Type.Array(Type.Object({ valueId: Type.Integer(), stixId: Type.String(), type: Type.String(), value: Type.String() })),
  occurredAt: Nullable(Timestamp),
  beyondCapacity: Type.Boolean(),
  beyondCapacityAt: Nullable(Timestamp),
  seriousAt: Nullable(Timestamp),
  acknowledgedAt: Nullable(Timestamp),
  containedAt: Nullable(Timestamp),
  eradicatedAt: Nullable(Timestamp),
  recoveredAt: Nullable(Timestamp),
  responseEndedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  metrics: Type.Object({
    timeToDetectSeconds: Nullable(Type.Integer()),
    timeToAcknowledgeSeconds: Nullable(Type.Integer()),
    timeToContainSeconds: Nullable(Type.Integer()),
    timeToResolveSeconds: Nullable(Type.Integer()),
  }),
  resolution: Nullable(Type.Enum(['resolved', 'false_positive', 'duplicate', 'merged'])),
  duplicateOf: Nullable(Uuid),
  escalatedAt: Nullable(Timestamp),
  reportedAt: Nullable(Timestamp),
  regimes: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  deadlines: Type.Array(Deadline),
  access: IncidentAccess,
  alerts: Type.Array(Type.Object({ id: AlertId, title: Type.String(), severity: Type.Integer(), occurrences: Type.Integer(), lastSeen: Timestamp })),
});
export type IncidentDetail = Static<typeof IncidentDetail>;

const editable = {
  title: Type.String({ minLength: 1, maxLength: 500 }),
  description: Type.String({ maxLength: 20000 }),
  severity: IncidentSeverity,
  tlp: TlpSchema,
  pap: PapSchema,
  serious: Type.Boolean(),
  personalData: Type.Boolean(),
  rsitClass: Nullable(Type.String({ maxLength: 60 })),
  rsitType: Nullable(Type.String({ maxLength: 60 })),
  attack: Type.Array(Type.String({ pattern: '^T[0-9]{4}(\\.[0-9]{3})?$' }), { maxItems: 100 }),
  affectedAssets: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 500 }),
  affectedSystem: Nullable(AffectedSystem),
  affectedOrgIds: Type.Array(Uuid, { maxItems: 200 }),
  observables: Type.Array(IncidentObservable, { maxItems: 1000 }),
  discoveredAt: Nullable(Timestamp),
  occurredAt: Nullable(Timestamp),
  beyondCapacity: Type.Boolean(),
  assigneeUserId: Nullable(Uuid),
};

/** Fields an incident's workers may change. */
export const IncidentPatch = Type.Partial(Type.Object(editable, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type IncidentPatch = Static<typeof IncidentPatch>;

/** Opening an incident by hand (merging alerts and incidents) or from an organisation's report. */
export const IncidentCreate = Type.Object({
  orgId: Type.Optional(Uuid),
  ...editable,
  description: Type.Optional(editable.description),
  severity: editable.severity,
  tlp: Type.Optional(editable.tlp),
  pap: Type.Optional(editable.pap),
  serious: Type.Optional(editable.serious),
  personalData: Type.Optional(editable.personalData),
  rsitClass: Type.Optional(editable.rsitClass),
  rsitType: Type.Optional(editable.rsitType),
  attack: Type.Optional(editable.attack),
  affectedAssets: Type.Optional(editable.affectedAssets),
  affectedSystem: Type.Optional(editable.affectedSystem),
  affectedOrgIds: Type.Optional(editable.affectedOrgIds),
  observables: Type.Optional(editable.observables),
  discoveredAt: Type.Optional(editable.discoveredAt),
  occurredAt: Type.Optional(editable.occurredAt),
  beyondCapacity: Type.Optional(editable.beyondCapacity),
  assigneeUserId: Type.Optional(editable.assigneeUserId),
  alertIds: Type.Optional(Type.Array(AlertId, { maxItems: 1000 })),
  mergeIncidentIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, description: 'incidents folded into the new one (they end as rejected/merged)' })),
  regimeCodes: Type.Optional(Type.Array(Type.String(), { maxItems: 20, description: 'override the regimes chosen automatically' })),
  report: Type.Optional(ReportContent),
}, { additionalProperties: false });
export type IncidentCreate = Static<typeof IncidentCreate>;

export const IncidentTransition = Type.Object({
  to: IncidentStatusSchema,
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  resolution: Type.Optional(Type.Enum(['resolved', 'false_positive', 'duplicate'])),
  duplicateOf: Type.Optional(Uuid),
}, { additionalProperties: false });
export type IncidentTransition = Static<typeof IncidentTransition>;

export const IncidentMerge = Type.Object({ incidentIds: Type.Array(Uuid, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
export const IncidentLinkAlerts = Type.Object({ alertIds: Type.Array(AlertId, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });
/** Moves some of an incident's alerts to a new incident (the title is made from them when not given). */
export const IncidentSplit = Type.Object({
  alertIds: Type.Array(AlertId, { minItems: 1, maxItems: 1000 }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
}, { additionalProperties: false });
export type IncidentSplit = Static<typeof IncidentSplit>;
export const IncidentEscalate = Type.Object({ message: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
export const IncidentTransfer = Type.Object({ orgId: Uuid, keepAccess: Type.Optional(Type.Boolean({ default: true })) }, { additionalProperties: false });
export const IncidentRegimesSet = Type.Object({ regimeCodes: Type.Array(Type.String(), { maxItems: 20 }) }, { additionalProperties: false });
export type IncidentTransfer = Static<typeof IncidentTransfer>;

/**
 * Similar incidents and why each is similar: among those the caller may open, and CLEAR or GREEN
 * incidents of other organisations (shown, but `readable` false when the caller may not open them).
 */
export const SimilarIncident = Type.Object({
  incident: IncidentSummary,
  readable: Type.Boolean({ description: 'whether the caller may open the incident (false: a CLEAR/GREEN incident shown to the community)' }),
  score: Type.Number(),
  sharedObservables: Type.Array(Type.String()),
  sharedTechniques: Type.Array(Type.String()),
  textSimilarity: Type.Number(),
});
export type SimilarIncident = Static<typeof SimilarIncident>;

/** What helps decide on an incident: how similar ones ended, its techniques with mitigations, who is likely next. */
export const DecisionSupport = Type.Object({
  similar: Type.Array(Type.Object({
    ...SimilarIncident.properties,
    /** Hours from opening to closing, for the closed ones, and how they ended. */
    hoursToResolve: Nullable(Type.Number()),
    resolution: Nullable(Type.String()),
  })),
  techniques: Type.Array(Type.Object({
    id: Type.String(),
    name: Nullable(Type.String()),
    /** Courses of action of the knowledge base that mitigate it (ATT&CK mitigations once imported). */
    mitigations: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), description: Nullable(Type.String()) })),
  })),
  likelyNext: Type.Object({
    /**
     * Sectors of the other organisations hit by the same indicators (in incidents the caller may open,
     * or CLEAR/GREEN ones), most first; organisations the caller may not see are counted, 1 or 2 as "fewer than 3".
     */
    sectors: Type.Array(Type.Object({ sector: Type.String(), organisationsHit: MemberCount })),
    /** Organisations of those sectors not (yet) hit, for the national centre only. */
    organisations: Type.Array(Type.Object({ orgId: Type.String(), name: Type.String(), sector: Type.String(), provinceCode: Nullable(Type.String()) })),
    /** The shared indicator values that link them (from the same incidents only). */
    sharedIndicators: Type.Array(Type.String()),
  }),
});
export type DecisionSupport = Static<typeof DecisionSupport>;
