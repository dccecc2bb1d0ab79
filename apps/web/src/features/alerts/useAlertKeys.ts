import { useEffect, useRef } from 'react';
import { isTyping } from '../shell/useShortcuts.ts';

interface AlertKeyHandlers {
  ids: readonly string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onTogglePause: () => void;
}

const AFTER_G_MS = 1500;

/** Stream keys: j/k move the selection, Enter opens it, p pauses. The key after `g` belongs to navigation. */
export function useAlertKeys(handlers: AlertKeyHandlers): void {
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
      const { ids, selectedId, onSelect, onOpen, onTogglePause } = latest.current;
      const index = selectedId ? ids.indexOf(selectedId) : -1;
      if (event.key === 'j' || event.key === 'k') {
        const next = event.key === 'j' ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
        if (ids[next]) {
          event.preventDefault();
          onSelect(ids[next]);
        }
      } else if (event.key === 'Enter' && selectedId && index >= 0) {
        // Enter on a focused link or button keeps its own meaning
        if (event.target instanceof HTMLElement && event.target.closest('a, button')) return;
        event.preventDefault();
        onOpen(selectedId);
      } else if (event.key === 'p') {
        event.preventDefault();
        onTogglePause();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
