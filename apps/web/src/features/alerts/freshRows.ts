import { useEffect, useState } from 'react';
import type { AlertSummary } from '@lachan/contracts';

/** How long a row that just arrived (or repeated) stays highlighted. */
export const FRESH_MS = 2_500;
const NONE: ReadonlySet<string> = new Set();

/**
 * Rows that are new at the top of `next` or whose occurrence count rose since `prev`. Rows appended
 * at the bottom ("load older") are not news, so only rows above the last one already shown count.
 */
export function freshIds(prev: readonly AlertSummary[], next: readonly AlertSummary[]): Set<string> {
  const before = new Map(prev.map((a) => [a.id, a.occurrences]));
  let lastKnown = -1;
  next.forEach((a, i) => {
    if (before.has(a.id)) lastKnown = i;
  });
  const fresh = new Set<string>();
  next.forEach((a, i) => {
    const occurrences = before.get(a.id);
    if (occurrences === undefined ? i < lastKnown : a.occurrences > occurrences) fresh.add(a.id);
  });
  return fresh;
}

/** Ids to highlight briefly after a live refresh; nothing on the first load or when `scope` (the filters) changes. */
export function useFreshRows(items: readonly AlertSummary[] | undefined, scope: string): ReadonlySet<string> {
  const [shown, setShown] = useState<{ scope: string; items: readonly AlertSummary[] } | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(NONE);

  // adjusting state while rendering (not in an effect) so the highlight appears with the rows themselves
  if (items && shown?.items !== items) {
    if (shown && shown.scope === scope) {
      const next = freshIds(shown.items, items);
      if (next.size > 0) setFresh(new Set([...fresh, ...next]));
    }
    setShown({ scope, items });
  }

  useEffect(() => {
    if (fresh.size === 0) return;
    const timer = setTimeout(() => setFresh(NONE), FRESH_MS);
    return () => clearTimeout(timer);
  }, [fresh]);

  return fresh;
}
