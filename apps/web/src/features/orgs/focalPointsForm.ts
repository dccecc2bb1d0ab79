import type { TFunction } from 'i18next';
import type { FocalPoint, FocalPointInput } from '@lachan/contracts';

/** One editable line; `key` only keeps React rows stable while lines are added and removed. */
export interface FocalRow extends FocalPointInput {
  key: string;
}
export type FocalRowErrors = Partial<Record<'name' | 'position' | 'phone' | 'email', string>>;

/** FocalPointsReplace allows at most 20 lines. */
export const MAX_FOCAL_POINTS = 20;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
let counter = 0;
const nextKey = () => `fp-${++counter}`;

/** Editable lines from the stored focal points. */
export const toRows = (points: FocalPoint[]): FocalRow[] =>
  points.map(({ name, position, phone, email, available247, isPrimary }) => ({ key: nextKey(), name, position, phone, email, available247, isPrimary }));

/** A new empty line; the first one added becomes the primary contact. */
export const blankRow = (isPrimary: boolean): FocalRow => ({ key: nextKey(), name: '', position: '', phone: '', email: '', available247: true, isPrimary });

/** Checks each line against FocalPointInput's limits. */
export function validateRows(rows: FocalRow[], t: TFunction): FocalRowErrors[] {
  return rows.map((r) => {
    const e: FocalRowErrors = {};
    if (!r.name.trim()) e.name = t('validation.required');
    else if (r.name.trim().length > 200) e.name = t('validation.maxLength', { n: 200 });
    if (r.position.trim().length > 200) e.position = t('validation.maxLength', { n: 200 });
    const phone = r.phone.trim();
    if (!phone) e.phone = t('validation.required');
    else if (phone.length < 3 || !/^[0-9+().\s-]+$/.test(phone)) e.phone = t('validation.phone');
    if (!EMAIL.test(r.email.trim())) e.email = t('validation.email');
    return e;
  });
}

/** Lines as the PUT body expects them, trimmed. */
export const rowsToInput = (rows: FocalRow[]): FocalPointInput[] =>
  rows.map(({ name, position, phone, email, available247, isPrimary }) => ({
    name: name.trim(),
    position: position.trim(),
    phone: phone.trim(),
    email: email.trim(),
    available247,
    isPrimary,
  }));
