import type { TimelineEntry } from '@lachan/contracts';

/** Timeline kinds the console names come from contracts; any other is named "other activity", never shown as the code. */
export { TIMELINE_KINDS, isTimelineKind, type TimelineKind } from '@lachan/contracts';

const text = (data: unknown, key: string): string | null => {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value ? value : null;
};

/** The few words of an entry's data worth a line (a task's title, a file's name, a message); null when none. */
export function entryDetail(entry: Pick<TimelineEntry, 'kind' | 'data'>): string | null {
  switch (entry.kind) {
    case 'task':
      return text(entry.data, 'title');
    case 'attachment':
      return text(entry.data, 'fileName');
    case 'escalated':
      return text(entry.data, 'message');
    case 'status':
      return text(entry.data, 'reason');
    default:
      return null;
  }
}

const count = (data: unknown, key: string): number | null => {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? value : null;
};

/**
 * What a promotion entry brought (an incident opened from alerts, or later alerts grouped in, one line
 * per batch): the alerts, their occurrences and the rule; null for other entries.
 */
export function entryGrouped(entry: Pick<TimelineEntry, 'kind' | 'data'>): { count: number; occurrences: number; rule: string } | null {
  if (entry.kind !== 'alerts_grouped' && !(entry.kind === 'created' && text(entry.data, 'source') === 'alerts')) return null;
  const alerts = count(entry.data, 'alerts');
  const rule = text(entry.data, 'rule');
  return alerts === null || rule === null ? null : { count: alerts, occurrences: count(entry.data, 'occurrences') ?? alerts, rule };
}

/** How many alerts a split moved (on the incident split, and on the new one). */
export function entryMoved(entry: Pick<TimelineEntry, 'kind' | 'data'>): number | null {
  const data = entry.data as Record<string, unknown> | null;
  if (entry.kind === 'split' && Array.isArray(data?.alerts)) return data.alerts.length;
  return entry.kind === 'created' && text(entry.data, 'source') === 'split' ? count(entry.data, 'alerts') : null;
}

/** The status an entry moved to, for `status` entries. */
export const entryStatus = (entry: Pick<TimelineEntry, 'kind' | 'data'>): string | null => (entry.kind === 'status' ? text(entry.data, 'to') : null);

/** The comment an entry announces, for `comment` entries. */
export const entryCommentId = (entry: Pick<TimelineEntry, 'kind' | 'data'>): string | null => (entry.kind === 'comment' ? text(entry.data, 'commentId') : null);

/** The server writes both `created` and `opened` when an incident is opened; one line says it. */
export function visibleEntries<T extends Pick<TimelineEntry, 'kind'>>(entries: readonly T[]): T[] {
  const created = entries.some((e) => e.kind === 'created');
  return entries.filter((e) => !(created && e.kind === 'opened'));
}

/** Names the platform writes as the actor of what it did itself; shown in the reader's language. */
export const SYSTEM_ACTORS = ['system', 'promotion', 'bootstrap', 'cli', 'ATT&CK'] as const;
export type SystemActor = (typeof SYSTEM_ACTORS)[number];
export const isSystemActor = (name: string, orgId: string | null): name is SystemActor => orgId === null && (SYSTEM_ACTORS as readonly string[]).includes(name);
