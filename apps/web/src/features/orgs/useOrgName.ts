import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgDirectory } from './orgs.api.ts';

/** An organisation's name in a language: its English name in English when it has one, else its own name. */
export function orgNameIn(lang: string, o: { name: string; nameEn?: string | null }): string {
  return lang === 'en' && o.nameEn ? o.nameEn : o.name;
}

/**
 * An organisation's name by id in the reader's language, as the dashboard shows it (English name in
 * English when the organisation has one); `fallback` (the name a payload carries) for one outside the
 * directory the caller may read.
 */
export function useOrgName(): (id: string | null | undefined, fallback?: string) => string {
  const { i18n } = useTranslation();
  const directory = useOrgDirectory();
  const lang = i18n.language;
  return useMemo(() => {
    const names = new Map((directory.data?.items ?? []).map((o) => [o.id, orgNameIn(lang, o)]));
    return (id, fallback = '') => (id ? (names.get(id) ?? fallback) : fallback);
  }, [directory.data, lang]);
}
