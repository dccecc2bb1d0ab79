/** A named set of queue filters, kept in this browser. */
export interface SavedView {
  name: string;
  /** The queue's query string, e.g. "status=open&severity=3". */
  search: string;
}

/** localStorage key of the saved views. */
export const VIEWS_STORAGE_KEY = 'lachan.incidents.views';

const isView = (v: unknown): v is SavedView =>
  typeof v === 'object' && v !== null && typeof (v as SavedView).name === 'string' && typeof (v as SavedView).search === 'string';

/** Reads the saved views; anything unreadable counts as none. */
export function loadViews(storage: Pick<Storage, 'getItem'> = localStorage): SavedView[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(VIEWS_STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter(isView) : [];
  } catch {
    return [];
  }
}

/** Adds a view, replacing one of the same name (names are compared trimmed, case ignored); sorted by name. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim();
  const same = (v: SavedView) => v.name.trim().toLowerCase() === name.toLowerCase();
  return [...views.filter((v) => !same(v)), { name, search: view.search }].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Drops the view of that name. */
export function withoutView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name);
}

/** Stores the views; storage may be disabled (private mode), then they last for this page only. */
export function storeViews(views: readonly SavedView[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(VIEWS_STORAGE_KEY, JSON.stringify(views));
  } catch {
    // nothing to do: the views stay in memory
  }
}
