import type { TFunction } from 'i18next';
import type { HiddenCount, MemberCount } from '@lachan/contracts';

/** The least a hidden count may be: a withheld one ("fewer than 3") is at least 1 (charts, ordering). */
export const atLeast = (h: HiddenCount): number => (typeof h === 'number' ? h : 1);

/** The exact total when every part is exact, else null (the server withheld a small count). */
export const exactTotal = (c: MemberCount): number | null => (typeof c.hidden === 'number' ? c.visible + c.hidden : null);

/** A hidden count as read: the number, or "fewer than 3". */
export function hiddenText(h: HiddenCount, t: TFunction, number: (n: number) => string): string {
  return typeof h === 'number' ? number(h) : t('common.fewerThan', { n: number(h.lt) });
}

/** Organisations behind a figure as read: "4", "fewer than 3", or "2 + fewer than 3" (seen by the reader + others). */
export function memberCountText(c: MemberCount, t: TFunction, number: (n: number) => string): string {
  const total = exactTotal(c);
  if (total !== null && (c.visible === 0 || c.hidden === 0)) return number(total);
  if (c.visible === 0) return hiddenText(c.hidden, t, number);
  return t('common.plusHidden', { visible: number(c.visible), hidden: hiddenText(c.hidden, t, number) });
}
