import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '@lachan/contracts';
import { currentLanguage, setLanguage, type Language } from '../../i18n/index.ts';
import { ME_KEY, saveLocale, useMe } from '../auth/auth.api.ts';

/** Vietnamese/English switch: remembered in localStorage and, when signed in, on the user's profile. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();

  const change = async (value: string) => {
    const lang = value as Language;
    await setLanguage(lang, true);
    if (!me) return;
    try {
      await saveLocale(lang);
      queryClient.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, locale: lang } : old));
    } catch {
      notifications.show({ color: 'orange', message: t('lang.saveFailed') });
    }
  };

  return (
    <SegmentedControl
      size="xs"
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      value={currentLanguage()}
      onChange={(value) => void change(value)}
      data={[
        { value: 'vi', label: <span title={t('lang.vi')}>VI</span> },
        { value: 'en', label: <span title={t('lang.en')}>EN</span> },
      ]}
    />
  );
}
