import { Type, type Static } from 'typebox';
import { Day, Nullable, Timestamp, Uuid } from './common.ts';

/** Function types of an information system (Decree 85/2016 Art. 6). */
export const SYSTEM_FUNCTION_TYPES = ['internal_operations', 'public_services', 'infrastructure', 'industrial_control', 'other'] as const;
export type SystemFunctionType = (typeof SYSTEM_FUNCTION_TYPES)[number];

/** Information classes by confidentiality (Decree 85 Art. 6); state secrets in their three grades. */
export const SYSTEM_DATA_CLASSES = ['public', 'private', 'personal', 'secret_confidential', 'secret_top', 'secret_most'] as const;
export type SystemDataClass = (typeof SYSTEM_DATA_CLASSES)[number];

export const SecurityLevelSchema = Type.Integer({ minimum: 1, maximum: 5 });

/** The decision that approved a system's security level. */
export const LevelApproval = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 100 }),
  date: Day,
  approver: Type.String({ minLength: 1, maxLength: 300 }),
}, { additionalProperties: false });
export type LevelApproval = Static<typeof LevelApproval>;

const editable = {
  name: Type.String({ minLength: 2, maxLength: 300 }),
  description: Nullable(Type.String({ maxLength: 4000 })),
  operatorOrgId: Nullable(Uuid),
  operatorName: Nullable(Type.String({ maxLength: 300 })),
  functionType: Type.Enum([...SYSTEM_FUNCTION_TYPES]),
  dataClasses: Type.Array(Type.Enum([...SYSTEM_DATA_CLASSES]), { uniqueItems: true, maxItems: 6 }),
  usersServed: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
  securityLevel: Nullable(SecurityLevelSchema),
  approval: Nullable(LevelApproval),
  critical: Type.Boolean({ description: 'critical to national security (Law on Cybersecurity 2018 Art. 10)' }),
  assetIds: Type.Array(Uuid, { uniqueItems: true, maxItems: 1000, description: 'registered assets of the owner (the ones alert attribution uses)' }),
  dependsOn: Type.Array(Uuid, { uniqueItems: true, maxItems: 200, description: 'systems this one depends on' }),
};

export const SystemCreate = Type.Object({
  orgId: Uuid,
  name: editable.name,
  description: Type.Optional(editable.description),
  operatorOrgId: Type.Optional(editable.operatorOrgId),
  operatorName: Type.Optional(editable.operatorName),
  functionType: editable.functionType,
  dataClasses: editable.dataClasses,
  usersServed: Type.Optional(editable.usersServed),
  securityLevel: Type.Optional(editable.securityLevel),
  approval: Type.Optional(editable.approval),
  critical: Type.Optional(editable.critical),
  assetIds: Type.Optional(editable.assetIds),
  dependsOn: Type.Optional(editable.dependsOn),
}, { additionalProperties: false });
export type SystemCreate = Static<typeof SystemCreate>;

export const SystemPatch = Type.Partial(Type.Object(editable, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type SystemPatch = Static<typeof SystemPatch>;

export const SystemAsset = Type.Object({ id: Uuid, kind: Type.String(), value: Type.String() });
export const SystemRef = Type.Object({ id: Uuid, name: Type.String(), orgId: Uuid, securityLevel: Nullable(Type.Integer()) });

export const InformationSystem = Type.Object({
  id: Uuid,
  orgId: Uuid,
  orgName: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  operatorOrgId: Nullable(Uuid),
  operatorName: Nullable(Type.String()),
  functionType: Type.Enum([...SYSTEM_FUNCTION_TYPES]),
  dataClasses: Type.Array(Type.Enum([...SYSTEM_DATA_CLASSES])),
  usersServed: Nullable(Type.Integer()),
  securityLevel: Nullable(Type.Integer()),
  approval: Nullable(LevelApproval),
  critical: Type.Boolean(),
  status: Type.Enum(['active', 'retired']),
  assets: Type.Array(SystemAsset),
  dependsOn: Type.Array(SystemRef),
  dependents: Type.Array(SystemRef),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type InformationSystem = Static<typeof InformationSystem>;

export const SystemSummary = Type.Object({
  id: Uuid,
  orgId: Uuid,
  orgName: Type.String(),
  name: Type.String(),
  functionType: Type.String(),
  securityLevel: Nullable(Type.Integer()),
  critical: Type.Boolean(),
  status: Type.String(),
  assetCount: Type.Integer(),
});
export type SystemSummary = Static<typeof SystemSummary>;

export const SystemListQuery = Type.Object({
  orgId: Type.Optional(Uuid),
  level: Type.Optional(SecurityLevelSchema),
  critical: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Type.Enum(['active', 'retired', 'all'])),
  functionType: Type.Optional(Type.Enum([...SYSTEM_FUNCTION_TYPES])),
  monitored: Type.Optional(Type.Boolean({ description: 'the owner or operator has a professional monitoring provider (a SOC link: layer 2)' })),
  connected: Type.Optional(Type.Boolean({ description: 'a connector of the owner sent alerts in the last 72 hours (layer 4, as the national view measures it)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
}, { additionalProperties: false });
export type SystemListQuery = Static<typeof SystemListQuery>;

export const SystemRetire = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, { additionalProperties: false });
export type SystemRetire = Static<typeof SystemRetire>;

/** One component of a system, answered with the Decree 85 questions. */
export const ClassificationAnswers = Type.Object({
  label: Type.Optional(Type.String({ maxLength: 200 })),
  functionType: Type.Enum([...SYSTEM_FUNCTION_TYPES]),
  dataClasses: Type.Array(Type.Enum([...SYSTEM_DATA_CLASSES]), { uniqueItems: true, maxItems: 6 }),
  onlineServiceLevel: Type.Optional(Type.Integer({ minimum: 0, maximum: 4, description: 'level of the online public services offered (0 = none)' })),
  conditionalBusiness: Type.Optional(Type.Boolean({ description: 'online services of a conditional business line' })),
  personalDataUsers: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
  infrastructureScope: Type.Optional(Type.Enum(['none', 'one_org', 'sector_or_province', 'national'])),
  controlledWorks: Type.Optional(Type.Enum(['none', 'grade_2_to_4', 'grade_1_or_special', 'national_security'])),
  nationalEgov247: Type.Optional(Type.Boolean({ description: 'national e-Government system that must run 24/7' })),
  nationalSectorSystem: Type.Optional(Type.Boolean({ description: 'national system of energy, finance, banking, telecoms, transport, resources and environment, chemicals, health, culture or press' })),
  servesDefenceSecurity: Type.Optional(Type.Boolean({ description: 'directly serves defence or national security' })),
}, { additionalProperties: false });
export type ClassificationAnswers = Static<typeof ClassificationAnswers>;

export const ClassificationRequest = Type.Object({
  components: Type.Array(ClassificationAnswers, { minItems: 1, maxItems: 50 }),
}, { additionalProperties: false });
export type ClassificationRequest = Static<typeof ClassificationRequest>;

/** Why a level was proposed: a code the console words, the legal article and its parameters. */
export const ClassificationReason = Type.Object({
  code: Type.String(),
  level: Type.Integer(),
  article: Type.String(),
  /** The domain notes mark Art. 9-11 criteria and level-4/5 details as not yet confirmed against the gazette. */
  unconfirmed: Type.Boolean(),
  component: Type.Integer(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});
export type ClassificationReason = Static<typeof ClassificationReason>;

export const ClassificationResult = Type.Object({
  level: Type.Integer(),
  components: Type.Array(Type.Object({ label: Nullable(Type.String()), level: Type.Integer() })),
  reasons: Type.Array(ClassificationReason),
  criticalSuggested: Type.Boolean(),
  approvalAuthority: Type.String({ description: 'code of who appraises and approves at this level' }),
});
export type ClassificationResult = Static<typeof ClassificationResult>;

export const SystemImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
export type SystemImportResult = Static<typeof SystemImportResult>;

const layerCommon = {
  evidence: Nullable(Type.String({ maxLength: 2000, description: 'where the proof is: a document number, a link or a file reference' })),
  recordedOn: Day,
};
/** Layer 1: the on-site unit and its 24/7 contact. */
export const LayerOnSite = Type.Object({
  unit: Type.String({ minLength: 2, maxLength: 300 }), contact: Type.String({ minLength: 3, maxLength: 300 }),
  staff: Nullable(Type.Integer({ minimum: 0, maximum: 100_000 })), ...layerCommon,
}, { additionalProperties: false });
/** Layer 2: the contract with the professional monitoring provider (the provider itself is the SOC link). */
export const LayerMonitoring = Type.Object({
  contractFrom: Nullable(Day), contractTo: Nullable(Day), note: Nullable(Type.String({ maxLength: 1000 })), ...layerCommon,
}, { additionalProperties: false });
/** Layer 3: the last independent assessment. */
export const LayerAssessment = Type.Object({
  assessor: Type.String({ minLength: 2, maxLength: 300 }), assessorOrgId: Nullable(Uuid), date: Day,
  result: Type.Enum(['passed', 'passed_with_findings', 'failed']), ...layerCommon,
}, { additionalProperties: false });

export const SystemLayersPut = Type.Object({
  onSite: Type.Optional(LayerOnSite),
  monitoring: Type.Optional(LayerMonitoring),
  assessment: Type.Optional(LayerAssessment),
}, { additionalProperties: false, minProperties: 1 });
export type SystemLayersPut = Static<typeof SystemLayersPut>;

export const LAYER_STATES = ['in_place', 'missing', 'stale'] as const;
const LayerState = Type.Enum([...LAYER_STATES]);
const Recorded = Type.Object({ evidence: Nullable(Type.String()), recordedOn: Day, recordedBy: Type.String() });

/** The four-layer model (Directive 14/CT-TTg) of one system: three declared layers and one measured. */
export const SystemLayers = Type.Object({
  systemId: Uuid,
  onSite: Type.Object({ state: LayerState, unit: Nullable(Type.String()), contact: Nullable(Type.String()), staff: Nullable(Type.Integer()), record: Nullable(Recorded) }),
  monitoring: Type.Object({
    state: LayerState,
    providers: Type.Array(Type.Object({ orgId: Uuid, name: Type.String(), services: Type.Array(Type.String()), since: Day, forOrgId: Uuid })),
    contractFrom: Nullable(Day), contractTo: Nullable(Day), note: Nullable(Type.String()), record: Nullable(Recorded),
  }),
  assessment: Type.Object({
    state: LayerState, assessor: Nullable(Type.String()), assessorOrgId: Nullable(Uuid), date: Nullable(Day),
    result: Nullable(Type.String()), source: Nullable(Type.Enum(['declared', 'campaign'])), record: Nullable(Recorded),
  }),
  connection: Type.Object({
    state: LayerState,
    measuredAt: Timestamp,
    windowDays: Type.Integer(),
    lastAlertAt: Nullable(Timestamp),
    connectors: Type.Array(Type.Object({ sourceId: Uuid, name: Type.String(), format: Type.String(), alerts: Type.Integer(), lastAlertAt: Timestamp })),
  }),
});
export type SystemLayers = Static<typeof SystemLayers>;
