/** Escapes LIKE wildcards so user text matches literally (`%`, `_` and the escape character). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** Folds text for search: lower case, Vietnamese diacritics removed, Đ/đ as d ("Đà Nẵng" -> "da nang"). */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
