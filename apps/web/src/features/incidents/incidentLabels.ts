import { INCIDENT_STATUSES, type IncidentStatus } from '@lachan/contracts';

const isStatus = (value: string): value is IncidentStatus => (INCIDENT_STATUSES as readonly string[]).includes(value);

/** Badge colour of an incident status: open work stands out, finished work is grey. */
export const STATUS_COLORS: Record<IncidentStatus, string> = {
  new: 'indigo',
  triage: 'blue',
  containment: 'orange',
  eradication: 'yellow',
  recovery: 'teal',
  closed: 'gray',
  rejected: 'gray',
};

/** Colour for any status string. */
export const statusColor = (status: string): string => (isStatus(status) ? STATUS_COLORS[status] : 'gray');

/** Whether the incident's work is over (closed or rejected). */
export const isFinished = (status: string): boolean => status === 'closed' || status === 'rejected';

const WORKING: IncidentStatus[] = ['triage', 'containment', 'eradication', 'recovery', 'closed'];

/**
 * Statuses an incident may move to, as the server's lifecycle allows: any working phase forward or back,
 * closed or rejected from an open phase; a finished incident only reopens to triage.
 */
export function nextStatuses(from: IncidentStatus): IncidentStatus[] {
  if (isFinished(from)) return ['triage'];
  const all: IncidentStatus[] = [...WORKING, 'rejected'];
  return all.filter((s) => s !== from);
}

/** TLP colours as FIRST defines them (RED, AMBER, GREEN, CLEAR). */
export function tlpColor(tlp: string): string {
  const level = tlp.toLowerCase().replace(/^tlp:/, '');
  if (level.startsWith('red')) return 'red';
  if (level.startsWith('amber')) return 'orange';
  if (level.startsWith('green')) return 'green';
  return 'gray';
}

/** Parts of a duration for a countdown: the two largest non-zero units of days, hours, minutes. */
export function durationParts(seconds: number): { d: number; h: number; m: number } {
  const s = Math.abs(Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  return d > 0 ? { d, h, m: 0 } : { d: 0, h, m };
}

/** How close a deadline is: past it, within a day, or later. */
export function urgency(secondsLeft: number): 'overdue' | 'soon' | 'later' {
  if (secondsLeft < 0) return 'overdue';
  return secondsLeft <= 86_400 ? 'soon' : 'later';
}
