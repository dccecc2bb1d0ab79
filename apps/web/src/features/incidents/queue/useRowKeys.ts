import { useEffect, useRef } from 'react';
import { isTyping } from '../../shell/useShortcuts.ts';

interface RowKeyHandlers {
  ids: readonly string[];
  cursorId: string | null;
  onMove: (id: string) => void;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
}

const AFTER_G_MS = 1500;

/** Queue keys: j/k move the cursor, Enter opens the row, x selects it. The key after `g` belongs to navigation. */
export function useRowKeys(handlers: RowKeyHandlers): void {
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
      const { ids, cursorId, onMove, onOpen, onToggle } = latest.current;
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
      } else if (event.key === 'x' && cursorId && index >= 0) {
        event.preventDefault();
        onToggle(cursorId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
