import type { IncidentStatus } from '@lachan/contracts';

/** The column keeping the first time an incident entered each phase (time to acknowledge, contain, resolve). */
export const PHASE_COLUMN: Partial<Record<IncidentStatus, string>> = {
  triage: 'acknowledged_at',
  containment: 'contained_at',
  eradication: 'eradicated_at',
  recovery: 'recovered_at',
  closed: 'closed_at',
};

const ORDER: IncidentStatus[] = ['new', 'triage', 'containment', 'eradication', 'recovery', 'closed'];
export const isTerminal = (s: string): boolean => s === 'closed' || s === 'rejected';

/**
 * Whether a move is allowed: forward or back between working phases (phases may be skipped), to
 * closed or rejected from any open phase; a finished incident only reopens to triage.
 */
export function transitionError(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return `the incident is already ${to}`;
  if (isTerminal(from)) return to === 'triage' ? null : 'a finished incident can only be reopened to triage';
  if (to === 'new') return 'an incident cannot go back to new';
  return ORDER.includes(to) || to === 'rejected' ? null : `unknown status ${to}`;
}

/** Seconds between two times, or null. */
const between = (a: Date | null, b: Date | null): number | null => (a && b ? Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000)) : null);

/** Time to detect (occurrence to discovery), acknowledge, contain and resolve (from discovery or opening). */
export function responseMetrics(r: { occurred_at: Date | null; discovered_at: Date | null; created_at: Date; acknowledged_at: Date | null; contained_at: Date | null; closed_at: Date | null; response_ended_at: Date | null }) {
  const start = r.discovered_at ?? r.created_at;
  return {
    timeToDetectSeconds: between(r.occurred_at, r.discovered_at),
    timeToAcknowledgeSeconds: between(start, r.acknowledged_at),
    timeToContainSeconds: between(start, r.contained_at),
    timeToResolveSeconds: between(start, r.response_ended_at ?? r.closed_at),
  };
}
