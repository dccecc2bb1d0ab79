import { useCallback, useMemo } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { ALERT_FORMATS, type AlertFormat } from '@lachan/contracts';
import type { AlertFilters } from './alerts.api.ts';

export type AlertFilterKey = 'severity' | 'format' | 'rsit' | 'sector' | 'province' | 'org' | 'q';
const SEARCH_DEBOUNCE_MS = 300;

const isFormat = (value: string | null): value is AlertFormat => (ALERT_FORMATS as readonly (string | null)[]).includes(value);

/** Alert stream filters kept in the address (?severity=&format=&rsit=&sector=&province=&org=&q=), so a view can be shared. */
export function useAlertFilters() {
  const [params, setParams] = useSearchParams();
  const raw = {
    severity: params.get('severity'),
    format: params.get('format'),
    rsit: params.get('rsit'),
    sector: params.get('sector'),
    province: params.get('province'),
    org: params.get('org'),
    q: params.get('q') ?? '',
  };
  const [q] = useDebouncedValue(raw.q.trim(), SEARCH_DEBOUNCE_MS);

  const set = useCallback(
    (key: AlertFilterKey, value: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const reset = useCallback(() => setParams({}, { replace: true }), [setParams]);

  const severity = Number(raw.severity);
  const query: AlertFilters = useMemo(
    () => ({
      severity: severity >= 1 && severity <= 4 ? severity : undefined,
      format: isFormat(raw.format) ? raw.format : undefined,
      rsitClass: raw.rsit ?? undefined,
      sector: raw.sector ?? undefined,
      province: raw.province ?? undefined,
      orgId: raw.org ?? undefined,
      q: q || undefined,
    }),
    [severity, raw.format, raw.rsit, raw.sector, raw.province, raw.org, q],
  );
  const narrowing = Object.values(raw).some(Boolean);

  return { raw, query, set, reset, narrowing };
}
