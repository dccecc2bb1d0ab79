/** Event types carried by the outbox and the console's event stream. */
export const EVENT_TYPES = [
  'org.created',
  'org.updated',
  'org.moved',
  'org.merged',
  'org.retired',
  'sector.changed',
  'user.created',
  'user.updated',
  'apikey.created',
  'apikey.revoked',
  'alerts.ingested',
  // A batch of an archive of past alerts: counted in the statistics of its days, not acted on live.
  'alerts.imported',
  'alerts.quarantined',
  // An analyst's verdict on alerts: { orgId, alertIds, observables, reason } (the campaign noise model hears it).
  'alerts.false_positive',
  'alerts.assigned',
  'asset.changed',
  'source.changed',
  'incident.created',
  'incident.updated',
  'incident.report_due_soon',
  'incident.report_overdue',
  'incident.share_revoked',
  'campaign.detected',
  'campaign.updated',
  'warning.issued',
  'warning.updated',
  'warning.withdrawn',
  'warning.acknowledged',
  'warning.reminder',
  // Exercises: a run changed (status, clock), an inject reached a team, the scoreboard moved (white team).
  'exercise.changed',
  'exercise.inject',
  'exercise.scoreboard',
  // Sent to one stream only, when its caller's role or organisation changed: it now carries the new rights.
  'access.changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What a console receives for each `data:` line of `GET /api/v1/stream`. */
export interface StreamEvent<T = unknown> {
  id: string;
  type: EventType | string;
  at: string;
  data: T;
}
