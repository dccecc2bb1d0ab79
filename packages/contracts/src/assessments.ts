import { Type, type Static, type TSchema } from 'typebox';
import { Day, Nullable, Timestamp, Uuid } from './common.ts';

/** Text in the two languages; either may be missing (a catalogue ships only what its source has). */
export const LangText = Type.Object({
  vi: Type.Optional(Type.String({ minLength: 1, maxLength: 8000 })),
  en: Type.Optional(Type.String({ minLength: 1, maxLength: 8000 })),
}, { additionalProperties: false });
export type LangText = Static<typeof LangText>;

const Level = Type.Integer({ minimum: 1, maximum: 5 });

/** One node of a catalogue file: its id, its parent's id, texts, and the security levels it applies at (none: a group). */
export const CatalogueNode = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:()/-]{0,63}$' }),
  parent: Nullable(Type.String({ maxLength: 64 })),
  title: Type.Optional(LangText),
  text: LangText,
  levels: Type.Array(Level, { uniqueItems: true, maxItems: 5 }),
}, { additionalProperties: false });
export type CatalogueNode = Static<typeof CatalogueNode>;

/** The catalogue file format `lachan-catalogue/1` (docs/assessment-catalogues.md). */
export const CatalogueDocument = Type.Object({
  format: Type.Literal('lachan-catalogue/1'),
  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$' }),
  version: Type.String({ minLength: 1, maxLength: 40 }),
  name: LangText,
  source: Type.String({ minLength: 3, maxLength: 2000, description: 'where the text comes from (the legal instrument or publication)' }),
  licence: Type.String({ minLength: 2, maxLength: 500 }),
  notes: Type.Optional(LangText),
  requirements: Type.Array(CatalogueNode, { minItems: 1, maxItems: 5000 }),
}, { additionalProperties: false });
export type CatalogueDocument = Static<typeof CatalogueDocument>;

export const CatalogueSummary = Type.Object({
  id: Uuid, code: Type.String(), version: Type.String(), name: LangText, source: Type.String(), licence: Type.String(),
  builtIn: Type.Boolean(), requirements: Type.Integer(), assessable: Type.Integer(), updatedAt: Timestamp,
});
export type CatalogueSummary = Static<typeof CatalogueSummary>;

export const CatalogueRequirement = Type.Object({
  id: Type.String(), parent: Nullable(Type.String()), title: LangText, text: LangText, levels: Type.Array(Type.Integer()),
});
export type CatalogueRequirement = Static<typeof CatalogueRequirement>;

export const CatalogueDetail = Type.Object({
  ...CatalogueSummary.properties, notes: LangText, items: Type.Array(CatalogueRequirement),
});
export type CatalogueDetail = Static<typeof CatalogueDetail>;

export const CatalogueRequirementPatch = Type.Object({
  title: Type.Optional(LangText), text: Type.Optional(LangText), levels: Type.Optional(Type.Array(Level, { uniqueItems: true, maxItems: 5 })),
}, { additionalProperties: false, minProperties: 1 });
export type CatalogueRequirementPatch = Static<typeof CatalogueRequirementPatch>;

export const CatalogueReqParams = Type.Object({ id: Uuid, reqId: Type.String({ maxLength: 64 }) });

export const ANSWERS = ['met', 'partly', 'not_met', 'not_applicable'] as const;
export type AnswerValue = (typeof ANSWERS)[number];
export const REVIEWS = ['pending', 'confirmed', 'returned'] as const;

export const CampaignTargeting = Type.Object({
  sectors: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40, uniqueItems: true }),
  provinces: Type.Array(Type.String({ maxLength: 4 }), { maxItems: 40, uniqueItems: true }),
  orgKinds: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, uniqueItems: true }),
  levels: Type.Array(Level, { maxItems: 5, uniqueItems: true }),
}, { additionalProperties: false });
export type CampaignTargeting = Static<typeof CampaignTargeting>;

export const AssessmentCampaignCreate = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 300 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  catalogueId: Uuid,
  dueDate: Day,
  targeting: CampaignTargeting,
}, { additionalProperties: false });
export type AssessmentCampaignCreate = Static<typeof AssessmentCampaignCreate>;

export const AssessmentCampaign = Type.Object({
  id: Uuid, title: Type.String(), description: Nullable(Type.String()), catalogueId: Uuid, dueDate: Day, targeting: CampaignTargeting,
  status: Type.String(), createdAt: Timestamp, tasks: Type.Integer(), submitted: Type.Integer(),
});
export type AssessmentCampaign = Static<typeof AssessmentCampaign>;

export const AssessmentTask = Type.Object({
  id: Uuid, campaignId: Uuid, campaignTitle: Type.String(), dueDate: Day, systemId: Uuid, systemName: Type.String(), orgId: Uuid, orgName: Type.String(),
  securityLevel: Nullable(Type.Integer()), assessorOrgId: Nullable(Uuid), status: Type.String(), applicable: Type.Integer(), answered: Type.Integer(),
  met: Type.Integer(), partly: Type.Integer(), notMet: Type.Integer(), notApplicable: Type.Integer(), confirmed: Type.Integer(), returned: Type.Integer(),
  version: Type.Integer(), submittedAt: Nullable(Timestamp), signedBy: Nullable(Type.String()), overdue: Type.Boolean(),
});
export type AssessmentTask = Static<typeof AssessmentTask>;

export const AssessmentTaskQuery = Type.Object({
  campaignId: Type.Optional(Uuid),
  role: Type.Optional(Type.Enum(['owner', 'assessor'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
}, { additionalProperties: false });
export type AssessmentTaskQuery = Static<typeof AssessmentTaskQuery>;

export const EvidenceFile = Type.Object({ id: Uuid, fileName: Type.String(), mediaType: Type.String(), sizeBytes: Type.Integer(), uploadedBy: Type.String(), createdAt: Timestamp });

export const AssessmentAnswer = Type.Object({
  reqId: Type.String(), answer: Type.Enum([...ANSWERS]), comment: Nullable(Type.String()), review: Type.Enum([...REVIEWS]), reviewComment: Nullable(Type.String()),
  answeredBy: Type.String(), answeredAt: Timestamp, reviewedBy: Nullable(Type.String()), reviewedAt: Nullable(Timestamp), evidence: Type.Array(EvidenceFile),
});
export type AssessmentAnswer = Static<typeof AssessmentAnswer>;

export const AssessmentTaskDetail = Type.Object({
  task: AssessmentTask,
  requirements: Type.Array(Type.Object({ ...CatalogueRequirement.properties, applicable: Type.Boolean() })),
  answers: Type.Array(AssessmentAnswer),
});
export type AssessmentTaskDetail = Static<typeof AssessmentTaskDetail>;

export const AnswerPut = Type.Object({
  answer: Type.Enum([...ANSWERS]),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
}, { additionalProperties: false });
export type AnswerPut = Static<typeof AnswerPut>;

export const ReviewPut = Type.Object({
  review: Type.Enum(['confirmed', 'returned']),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
}, { additionalProperties: false });
export type ReviewPut = Static<typeof ReviewPut>;

export const AssessorAssign = Type.Object({ assessorOrgId: Uuid }, { additionalProperties: false });
export const AssessmentSubmit = Type.Object({
  signature: Type.String({ minLength: 3, maxLength: 300, description: 'name and position of the signing official' }),
}, { additionalProperties: false });
export type AssessmentSubmit = Static<typeof AssessmentSubmit>;

export const TaskReqParams = Type.Object({ id: Uuid, reqId: Type.String({ maxLength: 64 }) });

export const AssessmentVersion = Type.Object({ version: Type.Integer(), signedBy: Type.String(), submittedAt: Timestamp, content: Type.Unknown() });

const Tally = Type.Object({
  tasks: Type.Integer(), submitted: Type.Integer(), overdue: Type.Integer(), applicable: Type.Integer(), answered: Type.Integer(),
  met: Type.Integer(), partly: Type.Integer(), notMet: Type.Integer(), notApplicable: Type.Integer(),
});
export type Tally = Static<typeof Tally>;
const Named = <T extends Record<string, TSchema>>(key: T) => Type.Object({ ...key, ...Tally.properties });

/** A share in percent now, in the previous campaign, and the change in percentage points (null when nothing to divide by). */
const Share = Type.Object({ current: Nullable(Type.Number()), previous: Nullable(Type.Number()), delta: Nullable(Type.Number()) });

/**
 * Trends between campaigns: completion (submitted tasks / tasks) and compliance (met / applicable
 * answers less not applicable) against the previous campaign on the same catalogue, and the
 * requirements whose compliance moved most (worst change first).
 */
export const CampaignComparison = Type.Object({
  previous: Type.Object({ campaignId: Uuid, title: Type.String(), dueDate: Day }),
  completion: Share,
  compliance: Share,
  requirements: Type.Array(Type.Object({ reqId: Type.String(), text: LangText, ...Share.properties })),
});
export type CampaignComparison = Static<typeof CampaignComparison>;

/** The national (or a subtree's) view of one assessment campaign. */
export const AssessmentOverview = Type.Object({
  campaign: AssessmentCampaign,
  scopeOrgId: Nullable(Uuid),
  measuredAt: Timestamp,
  total: Tally,
  byMinistry: Type.Array(Named({ orgId: Nullable(Uuid), name: Nullable(Type.String()) })),
  byProvince: Type.Array(Named({ provinceCode: Nullable(Type.String()) })),
  bySector: Type.Array(Named({ sector: Type.String() })),
  byLevel: Type.Array(Named({ level: Nullable(Type.Integer()) })),
  byRequirement: Type.Array(Type.Object({ reqId: Type.String(), text: LangText, met: Type.Integer(), partly: Type.Integer(), notMet: Type.Integer(), notApplicable: Type.Integer() })),
  worst: Type.Array(Type.Object({ taskId: Uuid, systemId: Uuid, systemName: Type.String(), orgId: Uuid, orgName: Type.String(), level: Nullable(Type.Integer()), notMet: Type.Integer(), partly: Type.Integer() })),
  gaps: Type.Object({
    noProvider: Type.Integer(), noConnection: Type.Integer(),
    systems: Type.Array(Type.Object({ systemId: Uuid, systemName: Type.String(), orgId: Uuid, orgName: Type.String(), level: Nullable(Type.Integer()), noProvider: Type.Boolean(), noConnection: Type.Boolean() })),
  }),
  trends: Type.Array(Type.Object({ campaignId: Uuid, title: Type.String(), dueDate: Day, tasks: Type.Integer(), submitted: Type.Integer(), met: Type.Integer(), applicable: Type.Integer() })),
  /** This campaign against the previous one on the same catalogue (same scope), or null when there is none. */
  comparison: Nullable(CampaignComparison),
});
export type AssessmentOverview = Static<typeof AssessmentOverview>;

export const OverviewQuery = Type.Object({ orgId: Type.Optional(Uuid) }, { additionalProperties: false });
