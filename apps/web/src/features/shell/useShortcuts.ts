import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/auth.api.ts';
import { availableNav } from './navItems.ts';

/** CSS selector of the search boxes that `/` focuses: the page's own, else the directory's. */
export const SEARCH_SELECTOR = '[data-testid="alert-search"], [data-testid="incident-search"], [data-testid="org-search"]';
const SEQUENCE_TIMEOUT_MS = 1500;

/** Whether a key press is text entry (shortcuts stay out of the way of inputs). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard shortcuts: `?` opens the shortcut help, `/` focuses the directory search, `g d` / `g a` /
 * `g i` / `g o` / `g u` / `g k` ... open a module.
 */
export function useShortcuts(onHelp: () => void): void {
  const navigate = useNavigate();
  const me = useCurrentUser();

  useEffect(() => {
    const targets = new Map(availableNav(me.permissions).flatMap((item) => (item.shortcut && item.to ? [[item.shortcut, item.to] as const] : [])));
    let pendingG = 0;

    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        onHelp();
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        const search = document.querySelector<HTMLInputElement>(SEARCH_SELECTOR);
        if (search) search.focus();
        else void navigate('/orgs', { state: { focusSearch: true } });
        return;
      }
      if (pendingG && Date.now() - pendingG < SEQUENCE_TIMEOUT_MS) {
        pendingG = 0;
        const to = targets.get(event.key.toLowerCase());
        if (to) {
          event.preventDefault();
          void navigate(to);
        }
        return;
      }
      pendingG = event.key === 'g' ? Date.now() : 0;
    };

    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, me.permissions, onHelp]);
}
