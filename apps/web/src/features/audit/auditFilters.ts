import type { AuditFilters } from './audit.api.ts';

/** The filter form as typed: free text, an organisation, and calendar days in Vietnam's time. */
export interface AuditFilterForm {
  action: string;
  actor: string;
  entityType: string;
  entityId: string;
  orgId: string | null;
  fromDay: string;
  toDay: string;
}

export const EMPTY_FILTERS: AuditFilterForm = { action: '', actor: '', entityType: '', entityId: '', orgId: null, fromDay: '', toDay: '' };

/** Start of a Vietnamese calendar day (UTC+7, no daylight saving) as an instant. */
const vnDayStart = (day: string, plusDays = 0): string => new Date(Date.parse(`${day}T00:00:00+07:00`) + plusDays * 86_400_000).toISOString();

/** The query a form asks: empty fields left out, an action lower-cased, `to` through the end of its day. */
export function filtersOf(f: AuditFilterForm): AuditFilters {
  const q: AuditFilters = {};
  const action = f.action.trim().toLowerCase();
  if (action) q.action = action;
  if (f.actor.trim()) q.actor = f.actor.trim();
  if (f.entityType.trim()) q.entityType = f.entityType.trim();
  if (f.entityId.trim()) q.entityId = f.entityId.trim();
  if (f.orgId) q.orgId = f.orgId;
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.fromDay)) q.from = vnDayStart(f.fromDay);
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.toDay)) q.to = vnDayStart(f.toDay, 1);
  return q;
}
