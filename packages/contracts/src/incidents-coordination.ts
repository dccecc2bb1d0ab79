import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, TlpSchema, Uuid } from './common.ts';
import { ShareProfileSchema } from './incidents.ts';

/**
 * What a timeline entry records: the one list the server writes (typed at its writers) and the console
 * words in both languages (a test fails on a kind without a translation).
 */
export const TIMELINE_KINDS = [
  'created', 'opened', 'updated', 'status', 'comment', 'task', 'task_updated', 'report', 'share', 'share_revoked', 'support', 'escalated',
  'transferred', 'merged', 'attachment', 'alerts_linked', 'alerts_grouped', 'split', 'response_completed', 'regimes',
  'shared', 'report_filed', 'support_requested', 'support_accepted', 'support_declined', 'report_overdue', 'report_due_soon', 'systems',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const isTimelineKind = (kind: string): kind is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(kind);

/** One entry of an incident's timeline: what happened, who did it and when. */
export const TimelineEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  kind: Type.String({ description: 'created, updated, status, comment, task, report, share, share_revoked, support, escalated, transferred, merged, attachment, alerts_linked' }),
  actorName: Type.String(),
  actorOrgId: Nullable(Uuid),
  data: Type.Unknown(),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

export const IncidentComment = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  authorId: Nullable(Uuid),
  authorName: Type.String(),
  orgId: Uuid,
  body: Type.String(),
  createdAt: Timestamp,
});
export type IncidentComment = Static<typeof IncidentComment>;
export const IncidentCommentCreate = Type.Object({ body: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const IncidentTask = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  title: Type.String(),
  description: Type.String(),
  assigneeOrgId: Nullable(Uuid),
  assigneeUserId: Nullable(Uuid),
  dueAt: Nullable(Timestamp),
  status: Type.Enum([...TASK_STATUSES]),
  overdue: Type.Boolean(),
  createdByName: Type.String(),
  createdByOrgId: Uuid,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  completedAt: Nullable(Timestamp),
});
export type IncidentTask = Static<typeof IncidentTask>;
export const IncidentTaskCreate = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 500 }),
  description: Type.Optional(Type.String({ maxLength: 10000 })),
  assigneeOrgId: Type.Optional(Nullable(Uuid)),
  assigneeUserId: Type.Optional(Nullable(Uuid)),
  dueAt: Type.Optional(Nullable(Timestamp)),
}, { additionalProperties: false });
export type IncidentTaskCreate = Static<typeof IncidentTaskCreate>;
export const IncidentTaskPatch = Type.Partial(Type.Object({
  title: Type.String({ minLength: 1, maxLength: 500 }),
  description: Type.String({ maxLength: 10000 }),
  assigneeOrgId: Nullable(Uuid),
  assigneeUserId: Nullable(Uuid),
  dueAt: Nullable(Timestamp),
  status: Type.Enum([...TASK_STATUSES]),
}, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type IncidentTaskPatch = Static<typeof IncidentTaskPatch>;
export const TaskParams = Type.Object({ id: Uuid, taskId: Uuid });

export const IncidentShare = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  orgId: Uuid,
  orgName: Type.String(),
  profile: ShareProfileSchema,
  tlpCeiling: TlpSchema,
  reason: Type.Enum(['manual', 'support', 'escalation', 'transfer', 'report']),
  effective: Type.Boolean({ description: 'false while the incident TLP is above the ceiling, or once revoked' }),
  createdByName: Type.String(),
  createdAt: Timestamp,
  revokedAt: Nullable(Timestamp),
  revokedByName: Nullable(Type.String()),
});
export type IncidentShare = Static<typeof IncidentShare>;
export const IncidentShareCreate = Type.Object({ orgId: Uuid, profile: ShareProfileSchema, tlpCeiling: TlpSchema }, { additionalProperties: false });
export type IncidentShareCreate = Static<typeof IncidentShareCreate>;
export const ShareParams = Type.Object({ id: Uuid, shareId: Uuid });

export const ORG_LINK_TYPES = ['manual', 'notify', 'supervised'] as const;
/** A standing link: `fromOrg` sees `toOrg`'s incidents (and its units') as the type says. */
export const OrgLink = Type.Object({
  id: Uuid,
  fromOrgId: Uuid,
  fromOrgName: Type.String(),
  toOrgId: Uuid,
  toOrgName: Type.String(),
  type: Type.Enum([...ORG_LINK_TYPES], { description: 'manual: partners for sharing; notify: sees incidents once reported; supervised: sees all incidents' }),
  profile: Type.Enum(['read_only', 'analyst']),
  tlpCeiling: Type.Enum(['CLEAR', 'GREEN', 'AMBER']),
  createdByName: Type.String(),
  createdAt: Timestamp,
});
export type OrgLink = Static<typeof OrgLink>;
export const OrgLinkCreate = Type.Object({
  fromOrgId: Uuid,
  toOrgId: Uuid,
  type: Type.Enum([...ORG_LINK_TYPES]),
  profile: Type.Optional(Type.Enum(['read_only', 'analyst'])),
  tlpCeiling: Type.Optional(Type.Enum(['CLEAR', 'GREEN', 'AMBER'])),
}, { additionalProperties: false });
export type OrgLinkCreate = Static<typeof OrgLinkCreate>;
export const OrgLinkQuery = Type.Object({ orgId: Type.Optional(Uuid) });

export const SupportRequest = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  fromOrgId: Uuid,
  toOrgId: Uuid,
  toOrgName: Type.String(),
  message: Type.String(),
  status: Type.Enum(['pending', 'accepted', 'declined', 'withdrawn']),
  response: Nullable(Type.String()),
  createdByName: Type.String(),
  createdAt: Timestamp,
  respondedAt: Nullable(Timestamp),
  respondedByName: Nullable(Type.String()),
});
export type SupportRequest = Static<typeof SupportRequest>;
export const SupportRequestCreate = Type.Object({ toOrgId: Uuid, message: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
export type SupportRequestCreate = Static<typeof SupportRequestCreate>;
export const SupportRequestAnswer = Type.Object({ accept: Type.Boolean(), response: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false });
export type SupportRequestAnswer = Static<typeof SupportRequestAnswer>;
export const SupportRequestQuery = Type.Object({ direction: Type.Optional(Type.Enum(['incoming', 'outgoing'], { default: 'incoming' })), status: Type.Optional(Type.Enum(['pending', 'accepted', 'declined', 'withdrawn'])) });

export const IncidentAttachment = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedByName: Type.String(),
  uploadedByOrgId: Uuid,
  createdAt: Timestamp,
});
export type IncidentAttachment = Static<typeof IncidentAttachment>;
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });
/** Content types accepted as attachments; the bytes must agree with the declared type. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'application/zip', 'text/plain', 'text/csv', 'application/json'] as const;
