import { useEffect, useRef } from 'react';
import { isTyping } from './useShortcuts.ts';

interface ListKeyHandlers {
  ids: readonly string[];
  cursorId: string | null;
  onMove: (id: string) => void;
  onOpen: (id: string) => void;
  /** More single keys of this list (e.g. `x` selects the row, `p` pauses a stream), given the row under the cursor. */
  keys?: Record<string, (cursorId: string | null) => void>;
}

const AFTER_G_MS = 1500;

/**
 * Keys of a list page: j/k move the cursor, Enter opens the row, plus the page's own keys. The key
 * after `g` belongs to navigation; keys typed into fields are left alone.
 */
export function useListKeys(handlers: ListKeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let gAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'g') {
        gAt = Date.now();
        return;
      }
      if (Date.now() - gAt < AFTER_G_MS) {
        gAt = 0;
        return;
      }
      const { ids, cursorId, onMove, onOpen, keys } = latest.current;
      const index = cursorId ? ids.indexOf(cursorId) : -1;
      if (event.key === 'j' || event.key === 'k') {
        const next = event.key === 'j' ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
        if (ids[next]) {
          event.preventDefault();
          onMove(ids[next]);
        }
      } else if (event.key === 'Enter' && cursorId && index >= 0) {
        // Enter on a focused link, button or checkbox keeps its own meaning
        if (event.target instanceof HTMLElement && event.target.closest('a, button, input')) return;
        event.preventDefault();
        onOpen(cursorId);
      } else if (keys?.[event.key]) {
        event.preventDefault();
        keys[event.key]!(index >= 0 ? cursorId : null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
