import { useEffect, useRef } from 'react';

/** Calls `load` when the returned element scrolls into view (infinite paging), while `enabled`. */
export function useLoadOnView<T extends HTMLElement>(load: () => void, enabled: boolean) {
  const ref = useRef<T>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && latest.current(), { rootMargin: '200px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
