import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi.ts';
import { en } from './en.ts';

/** Languages of the console; Vietnamese is the default. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** localStorage key holding the language the user chose. */
export const LANG_STORAGE_KEY = 'lachan.lang';

const isLanguage = (value: unknown): value is Language => value === 'vi' || value === 'en';

/** The language the user chose on this browser, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANG_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language in use now; Vietnamese unless English was chosen. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

/** Switches the language; `remember` stores the choice for the next visit. */
export async function setLanguage(lang: Language, remember: boolean): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // storage may be disabled (private mode): the choice then lasts for this page only
    }
  }
  await i18n.changeLanguage(lang);
}

/** Initialises i18next synchronously (resources are bundled) so the first render is translated. */
export function initI18n(): typeof i18n {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: storedLanguage() ?? 'vi',
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = currentLanguage();
  return i18n;
}
