import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { vi as viStrings } from '../i18n/vi.ts';
import { en } from '../i18n/en.ts';
import { memberCountText } from './memberCount.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'vi', resources: { vi: { translation: viStrings }, en: { translation: en } }, interpolation: { escapeValue: false } });
const text = (lang: 'vi' | 'en', c: Parameters<typeof memberCountText>[0]) => memberCountText(c, i18n.getFixedT(lang), (n) => String(n));

describe('counts of organisations as the console reads them', () => {
  it('reads a withheld count as "fewer than 3" in both languages', () => {
    expect(text('en', { visible: 0, hidden: { lt: 3 } })).toBe('fewer than 3');
    expect(text('vi', { visible: 0, hidden: { lt: 3 } })).toBe('dưới 3');
    expect(text('en', { visible: 2, hidden: { lt: 3 } })).toBe('2 + fewer than 3');
    expect(text('vi', { visible: 1, hidden: { lt: 3 } })).toBe('1 + dưới 3');
  });

  it('gives exact counts as one number, and the reader’s own apart from three or more others', () => {
    expect(text('en', { visible: 3, hidden: 0 })).toBe('3');
    expect(text('en', { visible: 0, hidden: 4 })).toBe('4');
    expect(text('vi', { visible: 1, hidden: 5 })).toBe('1 + 5');
  });
});
