import type { CatalogueDocument } from '@lachan/contracts';

/**
 * What the schema cannot say about a catalogue file: ids are unique, every parent exists, the tree
 * has no cycle, every node has a text in at least one language, and something is assessable.
 * Returns the problems, each naming the requirement.
 */
export function catalogueProblems(doc: CatalogueDocument): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string | null>();
  for (const n of doc.requirements) {
    if (ids.has(n.id)) problems.push(`${n.id}: the id appears twice`);
    ids.set(n.id, n.parent);
    if (!n.text.vi && !n.text.en) problems.push(`${n.id}: a text in Vietnamese or English is needed`);
  }
  for (const { id, parent } of doc.requirements) if (parent !== null && !ids.has(parent)) problems.push(`${id}: unknown parent ${parent}`);
  for (const [id, parent] of ids) {
    const seen = new Set([id]);
    for (let up = parent; up !== null && up !== undefined; up = ids.get(up) ?? null) {
      if (seen.has(up)) {
        problems.push(`${id}: the tree has a cycle through ${up}`);
        break;
      }
      seen.add(up);
    }
  }
  if (!doc.requirements.some((n) => n.levels.length)) problems.push('no requirement applies at any security level');
  if (!doc.name.vi && !doc.name.en) problems.push('the catalogue needs a name');
  return problems.slice(0, 100);
}
