import { useState } from 'react';

/**
 * The selection after a click: a plain click toggles one row and makes it the anchor; a shift-click
 * selects every row from the anchor to it (in list order, either direction) and leaves the rest as is.
 */
export function nextSelection(ids: readonly string[], selected: ReadonlySet<string>, anchor: string | null, id: string, shift: boolean): Set<string> {
  const next = new Set(selected);
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  const to = ids.indexOf(id);
  if (shift && from >= 0 && to >= 0) {
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(ids[i]!);
    return next;
  }
  if (!next.delete(id)) next.add(id);
  return next;
}

/** Rows chosen in a list for a bulk action: toggled by click, `x` or a checkbox, ranges by shift-click. */
export function useSelection(ids: readonly string[]) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  return {
    selected,
    /** Only the chosen rows still shown, in list order. */
    chosen: ids.filter((id) => selected.has(id)),
    toggle(id: string, shift = false) {
      setSelected((prev) => nextSelection(ids, prev, anchor, id, shift));
      if (!shift) setAnchor(id);
    },
    toggleAll() {
      setSelected((prev) => (ids.length > 0 && ids.every((id) => prev.has(id)) ? new Set() : new Set(ids)));
    },
    clear() {
      setSelected(new Set());
      setAnchor(null);
    },
  };
}
