import type { Deadline } from '@lachan/contracts';

/** Groups of the deadlines page, most pressing first. */
export const DEADLINE_GROUPS = ['overdue', 'soon', 'upcoming', 'waiting', 'met'] as const;
export type DeadlineGroup = (typeof DEADLINE_GROUPS)[number];

/** "Due soon" means within this many seconds (a day: the reminder worker warns a day before). */
export const SOON_SECONDS = 86_400;

/** Which group a deadline belongs to at `now`: passed, within a day, later, clock not started, or met. */
export function groupOf(d: Pick<Deadline, 'state' | 'dueAt'>, now: number): DeadlineGroup {
  if (d.state === 'met' || d.state === 'met_late') return 'met';
  if (!d.dueAt) return 'waiting';
  const left = (Date.parse(d.dueAt) - now) / 1000;
  if (left < 0) return 'overdue';
  return left <= SOON_SECONDS ? 'soon' : 'upcoming';
}

/** The deadlines by group, each sorted by due time (the most urgent first). */
export function groupDeadlines<T extends Pick<Deadline, 'state' | 'dueAt'>>(list: readonly T[], now: number): Record<DeadlineGroup, T[]> {
  const out: Record<DeadlineGroup, T[]> = { overdue: [], soon: [], upcoming: [], waiting: [], met: [] };
  for (const d of list) out[groupOf(d, now)].push(d);
  const byDue = (a: T, b: T) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '');
  for (const g of DEADLINE_GROUPS) out[g].sort(byDue);
  return out;
}
