import type { OrgSummary } from '@lachan/contracts';
import { matchesQuery, nameCollator } from '../../lib/text.ts';

/** The directory indexed for tree walks. Roots are orgs without a parent the user can see. */
export interface OrgIndex {
  byId: Map<string, OrgSummary>;
  children: Map<string, OrgSummary[]>;
  roots: OrgSummary[];
}

/** One visible line of the tree. */
export interface TreeRow {
  org: OrgSummary;
  depth: number;
  childCount: number;
  /** False for an ancestor shown only to place a match. */
  matched: boolean;
}

export interface OrgFilters {
  /** Query already folded with `foldText`. */
  q: string;
  sector: string | null;
  province: string | null;
  kind: string | null;
  /** 'all' or one status. */
  status: string;
}

const byName = (a: OrgSummary, b: OrgSummary) => nameCollator.compare(a.name, b.name);

/** Indexes the directory by id and parent, children sorted by name in Vietnamese order. */
export function indexOrgs(orgs: readonly OrgSummary[]): OrgIndex {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const children = new Map<string, OrgSummary[]>();
  const roots: OrgSummary[] = [];
  for (const org of orgs) {
    if (org.parentId && byId.has(org.parentId)) {
      const list = children.get(org.parentId) ?? [];
      list.push(org);
      children.set(org.parentId, list);
    } else roots.push(org);
  }
  for (const list of children.values()) list.sort(byName);
  roots.sort(byName);
  return { byId, children, roots };
}

/** Whether an organisation passes the directory filters (search ignores diacritics). */
export function matchesFilters(org: OrgSummary, f: OrgFilters): boolean {
  if (f.status !== 'all' && org.status !== f.status) return false;
  if (f.kind && org.kind !== f.kind) return false;
  if (f.province && org.provinceCode !== f.province) return false;
  if (f.sector && !org.sectors.includes(f.sector)) return false;
  return matchesQuery(f.q, [org.name, org.nameEn, org.shortName]);
}

/** The ids of an org's ancestors, nearest first (guarded against cycles). */
export function ancestorIds(index: OrgIndex, id: string): string[] {
  const out: string[] = [];
  let parent = index.byId.get(id)?.parentId ?? null;
  while (parent && index.byId.has(parent) && !out.includes(parent)) {
    out.push(parent);
    parent = index.byId.get(parent)?.parentId ?? null;
  }
  return out;
}

/** The ids of an org and everything below it: the targets a move or merge must not use. */
export function subtreeIds(index: OrgIndex, id: string): Set<string> {
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const child of index.children.get(stack.pop() as string) ?? []) {
      if (!out.has(child.id)) {
        out.add(child.id);
        stack.push(child.id);
      }
    }
  }
  return out;
}

/**
 * Flattens the tree into visible rows: only `matches` and their ancestors (dimmed) are kept; children show
 * when their parent is in `expanded`, or always with `expandAll` (while searching or filtering).
 */
export function flattenTree(index: OrgIndex, matches: ReadonlySet<string>, expanded: ReadonlySet<string>, expandAll: boolean): TreeRow[] {
  const keep = new Set(matches);
  for (const id of matches) for (const a of ancestorIds(index, id)) keep.add(a);
  const rows: TreeRow[] = [];
  const walk = (org: OrgSummary, depth: number) => {
    if (!keep.has(org.id)) return;
    const kids = (index.children.get(org.id) ?? []).filter((kid) => keep.has(kid.id));
    rows.push({ org, depth, childCount: kids.length, matched: matches.has(org.id) });
    if (expandAll || expanded.has(org.id)) for (const kid of kids) walk(kid, depth + 1);
  };
  for (const root of index.roots) walk(root, 0);
  return rows;
}
