import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.ts';
import { AlertFormatSchema } from './alerts.ts';

/** The version tag every scenario document carries, so that an old export is read as what it was. */
export const SCENARIO_SCHEMA = 'lachan-exercise/1';

const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' });
/** A text in both console languages. */
export const BiText = (max: number) => Type.Object({
  vi: Type.String({ minLength: 1, maxLength: max }),
  en: Type.String({ minLength: 1, maxLength: max }),
}, { additionalProperties: false });

/** What an inject does when its time comes, for each team of the run. */
export const INJECT_KINDS = ['alerts', 'campaign', 'message', 'document', 'incident', 'warning', 'pressure'] as const;
export type InjectKind = (typeof INJECT_KINDS)[number];

/**
 * What a team is expected to do, checked from what it does in the platform (`evaluator`: judged by
 * the white team instead).
 */
export const EXPECTATION_KINDS = [
  'incident_opened', 'initial_report_filed', 'warning_acknowledged', 'indicator_added', 'task_completed', 'support_requested', 'evaluator',
] as const;
export type ExpectationKind = (typeof EXPECTATION_KINDS)[number];

export const Expectation = Type.Object({
  key: Slug,
  kind: Type.Enum([...EXPECTATION_KINDS]),
  label: BiText(300),
  points: Type.Integer({ minimum: 0, maximum: 1000 }),
  /** Scenario minutes after the inject by which it counts as met in time. */
  withinMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 10080 }),
  /** `indicator_added`: the value the new indicator must carry (an address, domain or hash of the inject). */
  value: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
}, { additionalProperties: false });
export type Expectation = Static<typeof Expectation>;

/** Alerts sent as if by the team's own connector, through the real ingest path. */
export const InjectAlerts = Type.Object({
  format: AlertFormatSchema,
  /** The connector's name as the team's console shows it ("Wazuh SIEM", "Perimeter IDS"). */
  connector: Type.String({ minLength: 1, maxLength: 120 }),
  /** Records as the product writes them; `{{now}}`, `{{epoch}}`, `{{team}}` and `{{run}}` are filled in on delivery. */
  records: Type.Array(Type.String({ minLength: 1, maxLength: 20000 }), { minItems: 1, maxItems: 200 }),
}, { additionalProperties: false });

/** A message, a document or a pressure call (media, management) reaching the team. */
export const InjectMessage = Type.Object({
  from: Type.String({ minLength: 1, maxLength: 200 }),
  subject: BiText(300),
  body: BiText(8000),
  /** `pressure` only: who is pressing. */
  channel: Type.Optional(Type.Enum(['media', 'management'])),
}, { additionalProperties: false });

/** An incident opened for the team as if the centre had received a report. */
export const InjectIncident = Type.Object({
  title: BiText(300),
  description: BiText(4000),
  severity: Type.Integer({ minimum: 1, maximum: 4 }),
}, { additionalProperties: false });

/** An early warning from the centre to the teams (never to real recipients). */
export const InjectWarning = Type.Object({
  title: BiText(300),
  body: BiText(8000),
  severity: Type.Integer({ minimum: 1, maximum: 4 }),
}, { additionalProperties: false });

export const Inject = Type.Object({
  key: Slug,
  /** Scenario minutes from the start. */
  offsetMinutes: Type.Number({ minimum: 0, maximum: 10080 }),
  kind: Type.Enum([...INJECT_KINDS]),
  title: BiText(300),
  alerts: Type.Optional(InjectAlerts),
  message: Type.Optional(InjectMessage),
  incident: Type.Optional(InjectIncident),
  warning: Type.Optional(InjectWarning),
  expectations: Type.Array(Expectation, { maxItems: 20 }),
}, { additionalProperties: false });
export type Inject = Static<typeof Inject>;

/** A scenario as data: what is imported, exported and edited. */
export const ScenarioDocument = Type.Object({
  schema: Type.Literal(SCENARIO_SCHEMA),
  key: Slug,
  title: BiText(300),
  summary: BiText(4000),
  durationMinutes: Type.Integer({ minimum: 1, maximum: 10080 }),
  injects: Type.Array(Inject, { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });
export type ScenarioDocument = Static<typeof ScenarioDocument>;

export const ScenarioSummary = Type.Object({
  id: Uuid,
  key: Type.String(),
  title: BiText(300),
  summary: BiText(4000),
  template: Type.Boolean(),
  ownerOrgId: Nullable(Uuid),
  injects: Type.Integer(),
  points: Type.Integer(),
  durationMinutes: Type.Integer(),
  updatedAt: Timestamp,
});
export type ScenarioSummary = Static<typeof ScenarioSummary>;

export const Scenario = Type.Object({ ...ScenarioSummary.properties, document: ScenarioDocument });
export type Scenario = Static<typeof Scenario>;

// ---- runs ----

export const EXERCISE_STATUSES = ['scheduled', 'running', 'paused', 'ended'] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

/** Schedules a run of a scenario for chosen teams (organisations). */
export const ExerciseCreate = Type.Object({
  scenarioId: Uuid,
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  teamOrgIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
  /** Scenario minutes per real minute (60: an hour of scenario in a minute). */
  speed: Type.Optional(Type.Number({ minimum: 0.1, maximum: 600 })),
  scheduledAt: Type.Optional(Timestamp),
}, { additionalProperties: false });
export type ExerciseCreate = Static<typeof ExerciseCreate>;

export const ExerciseSpeed = Type.Object({ speed: Type.Number({ minimum: 0.1, maximum: 600 }) }, { additionalProperties: false });

/** An inject the white team adds during the run; delivered at once (or at `offsetMinutes`). */
export const ManualInject = Type.Object({
  inject: Inject,
  teamOrgIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true })),
}, { additionalProperties: false });
export type ManualInject = Static<typeof ManualInject>;

/** The white team's judgement on an expectation of one team. */
export const ExpectationJudgement = Type.Object({
  teamOrgId: Uuid,
  injectKey: Slug,
  expectationKey: Slug,
  met: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type ExpectationJudgement = Static<typeof ExpectationJudgement>;

export const LessonCreate = Type.Object({
  teamOrgId: Uuid,
  body: Type.String({ minLength: 1, maxLength: 8000 }),
}, { additionalProperties: false });
export type LessonCreate = Static<typeof LessonCreate>;

export const ExerciseTeam = Type.Object({ orgId: Uuid, name: Type.String() });

export const Exercise = Type.Object({
  id: Uuid,
  scenarioId: Uuid,
  title: Type.String(),
  scenarioTitle: BiText(300),
  organiserOrgId: Uuid,
  status: Type.Enum([...EXERCISE_STATUSES]),
  speed: Type.Number(),
  scheduledAt: Nullable(Timestamp),
  startedAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  /** Scenario minutes elapsed now. */
  elapsedMinutes: Type.Number(),
  durationMinutes: Type.Integer(),
  teams: Type.Array(ExerciseTeam),
  /** Whether the caller runs it (white team) or plays in it. */
  role: Type.Enum(['white', 'team']),
});
export type Exercise = Static<typeof Exercise>;

export const EXPECTATION_STATUSES = ['pending', 'met', 'late', 'missed'] as const;
export type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number];

export const ExpectationResult = Type.Object({
  injectKey: Type.String(),
  expectationKey: Type.String(),
  kind: Type.Enum([...EXPECTATION_KINDS]),
  label: BiText(300),
  points: Type.Integer(),
  status: Type.Enum([...EXPECTATION_STATUSES]),
  awarded: Type.Integer(),
  /** Scenario minutes allowed, and taken (from the inject to the action) when met. */
  withinMinutes: Type.Number(),
  tookMinutes: Nullable(Type.Number()),
  metAt: Nullable(Timestamp),
  judgedBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type ExpectationResult = Static<typeof ExpectationResult>;

export const ScoreboardRow = Type.Object({
  orgId: Uuid,
  name: Type.String(),
  points: Type.Integer(),
  possible: Type.Integer(),
  met: Type.Integer(),
  late: Type.Integer(),
  missed: Type.Integer(),
  pending: Type.Integer(),
  /** Mean scenario minutes to the met expectations (null when none). */
  meanMinutes: Nullable(Type.Number()),
});
export type ScoreboardRow = Static<typeof ScoreboardRow>;

export const Scoreboard = Type.Object({
  exerciseId: Uuid,
  status: Type.Enum([...EXERCISE_STATUSES]),
  elapsedMinutes: Type.Number(),
  injectsDelivered: Type.Integer(),
  injectsTotal: Type.Integer(),
  teams: Type.Array(ScoreboardRow),
});
export type Scoreboard = Static<typeof Scoreboard>;

/** What reached a team: an inject as delivered, with what it made (alerts, incident, warning). */
export const InboxItem = Type.Object({
  injectKey: Type.String(),
  kind: Type.Enum([...INJECT_KINDS]),
  title: BiText(300),
  /** When scenario time reached it, and when it reached the team (the difference is its lateness). */
  dueAt: Timestamp,
  deliveredAt: Timestamp,
  offsetMinutes: Type.Number(),
  message: Nullable(InjectMessage),
  alerts: Nullable(Type.Integer()),
  incidentId: Nullable(Uuid),
  warningId: Nullable(Uuid),
});
export type InboxItem = Static<typeof InboxItem>;

export const Lesson = Type.Object({ id: Uuid, teamOrgId: Uuid, authorName: Type.String(), body: Type.String(), createdAt: Timestamp });
export type Lesson = Static<typeof Lesson>;

/** The after-action report of one team. */
export const TeamReport = Type.Object({
  exercise: Exercise,
  team: ScoreboardRow,
  timeline: Type.Array(Type.Object({ item: InboxItem, expectations: Type.Array(ExpectationResult) })),
  lessons: Type.Array(Lesson),
  /** Injects that never reached the team, and why (the run ended before they were due, the white team ended it, a delivery was cut short). */
  notDelivered: Type.Array(Type.Object({
    injectKey: Type.String(), kind: Type.Enum([...INJECT_KINDS]), title: BiText(300), offsetMinutes: Type.Number(),
    reason: Type.Union([Type.Literal('ended_before_due'), Type.Literal('ended_by_white_team'), Type.Literal('interrupted')]),
  })),
  /** The same team's earlier finished exercises, newest first. */
  previous: Type.Array(Type.Object({ exerciseId: Uuid, title: Type.String(), endedAt: Nullable(Timestamp), points: Type.Integer(), possible: Type.Integer() })),
});
export type TeamReport = Static<typeof TeamReport>;

export const TeamParams = Type.Object({ id: Uuid, orgId: Uuid });
