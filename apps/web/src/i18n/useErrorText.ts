import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '@lachan/contracts';
import { ApiError } from '../api/client.ts';

type KnownCode = ErrorCode | 'network_error' | 'http_error' | 'unknown';
const DETAILED: ReadonlySet<string> = new Set(['validation_failed', 'conflict', 'http_error']);

/** Turns any thrown error into translated text; the server's own message is kept as a detail where useful. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown): { text: string; detail: string | null } => {
      if (!(error instanceof ApiError)) return { text: t('errors.unknown'), detail: error instanceof Error ? error.message : null };
      const key = `errors.${error.code}`;
      const text = i18n.exists(key) ? t(key as `errors.${KnownCode}`) : t('errors.unknown');
      const known = i18n.exists(key);
      return { text, detail: !known || DETAILED.has(error.code) ? error.message || null : null };
    },
    [t, i18n],
  );
}
