/** Folds Vietnamese text for matching: no diacritics, đ→d, lower case ("Đà Nẵng" → "da nang"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** True when every word of the query appears in one of the texts, diacritics ignored. */
export function matchesQuery(foldedQuery: string, texts: ReadonlyArray<string | null | undefined>): boolean {
  if (!foldedQuery) return true;
  const haystack = texts.filter(Boolean).map((t) => foldText(t as string)).join(' | ');
  return foldedQuery.split(/\s+/).every((word) => haystack.includes(word));
}

/** Collator for names: Vietnamese order, which also sorts English names sensibly. */
export const nameCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
