import type { QueryKey } from '@tanstack/react-query';
import type { StreamEvent } from '@lachan/contracts';

/** Parses the `data:` JSON of one SSE message; null when it is not a StreamEvent. */
export function parseStreamEvent(raw: unknown): StreamEvent | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && typeof (value as StreamEvent).type === 'string') return value as StreamEvent;
  } catch {
    // a malformed line is ignored: the next event or a reconnect brings the state back
  }
  return null;
}

const idOf = (data: unknown): string | null =>
  typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : null;

const orgIdOf = (data: unknown): string | null =>
  typeof data === 'object' && data !== null && typeof (data as { orgId?: unknown }).orgId === 'string' ? (data as { orgId: string }).orgId : null;

/**
 * Queries to refresh for an event. Organisation events refresh every ['org', …] detail because one change
 * touches several records the payload may not name (old and new parent, merge target, SOC partners).
 * Alert batches also move the connectors' counters; a promoted alert gains its incident link.
 */
export function queryKeysFor(event: StreamEvent, meId: string | null): QueryKey[] {
  const [domain] = event.type.split('.');
  switch (domain) {
    case 'org':
      return [['orgs'], ['org']];
    case 'sector':
      return [['sectors'], ['orgs']];
    case 'user':
      return idOf(event.data) === meId ? [['users'], ['me']] : [['users']];
    case 'apikey':
      return [['apikeys']];
    case 'alerts':
      return event.type === 'alerts.quarantined' ? [['quarantine'], ['alert-sources']] : [['alerts'], ['alert-sources']];
    case 'incident':
      return [['incidents'], ['alerts', 'detail']];
    case 'asset': {
      // a removal names only the asset, not its organisation
      const orgId = orgIdOf(event.data);
      return [orgId ? ['assets', orgId] : ['assets']];
    }
    case 'source':
      return [['alert-sources']];
    case 'warning':
      return [['warnings']];
    case 'campaign':
      return [['campaigns']];
    case 'exercise':
      return [['exercises']];
    case 'access':
      // the caller's role or organisation changed: the profile, permissions and every list may differ
      return [[]];
    default:
      return [];
  }
}
