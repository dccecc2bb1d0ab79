import type { Page } from 'playwright-core';
import { vi } from '../../apps/web/src/i18n/vi.ts';

const NAMESPACES = Object.keys(vi);
const KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-zA-Z][\\w.]*\\b`, 'g');
/** A machine code shown as it is: snake_case (`incident_shared`, `validation_failed`) or a dotted event name. */
const CODE = /\b[a-z]+(?:_[a-z]+)+\b/g;

/**
 * Untranslated text on the page: an i18n key shown as it is (`statistics.table.alerts`) or a raw code;
 * `allow` lists values that are data, not text (an address, a rule id).
 */
export async function untranslated(page: Page, allow: string[] = []): Promise<string[]> {
  // API key prefixes are data (`lck_` and eight random characters): one whose characters begin with small letters, as `lck_b-…`, reads as a snake_case code.
  const text = (await page.innerText('body')).replace(/\blck_[\w-]+/g, '');
  const found = [...(text.match(KEY) ?? []), ...(text.match(CODE) ?? [])];
  return [...new Set(found)].filter((s) => !allow.some((a) => s.includes(a)));
}
