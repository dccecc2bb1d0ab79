/** A node with an id and a parent id (null: a root). */
export interface TreeNode { id: string; parent: string | null }

/** The nodes in tree order (each parent before its children, siblings in their given order), with their depth. */
export function treeOrder<T extends TreeNode>(nodes: readonly T[]): { node: T; depth: number }[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const key = n.parent !== null && ids.has(n.parent) ? n.parent : null;
    (children.get(key) ?? children.set(key, []).get(key)!).push(n);
  }
  const out: { node: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push({ node: n, depth });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  // nodes caught in a cycle still appear, so the editor can fix them
  for (const n of nodes) if (!seen.has(n.id)) out.push({ node: n, depth: 0 });
  return out;
}
