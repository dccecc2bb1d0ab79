import { useCallback, useMemo } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { ALERT_FORMATS, type AlertFormat } from '@lachan/contracts';
import type { AlertFilters } from './alerts.api.ts';

export type AlertFilterKey = 'severity' | 'format' | 'rsit' | 'sector' | 'province' | 'org' | 'q' | 'from' | 'to' | 'exercise' | 'exerciseId';
const SEARCH_DEBOUNCE_MS = 300;

/** A calendar day as the API takes it (a statistics drill-down names the days events happened). */
const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

const isFormat = (value: string | null): value is AlertFormat => (ALERT_FORMATS as readonly (string | null)[]).includes(value);

/** Alert stream filters kept in the address (?severity=&format=&rsit=&sector=&province=&org=&q=&from=&to=), so a view can be shared;
 * ?exercise=true shows the alerts of exercises instead of real ones, ?exerciseId= those of one exercise. */
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
    from: params.get('from'),
    to: params.get('to'),
    exercise: params.get('exercise') === 'true' ? 'true' : null,
    exerciseId: isUuid(params.get('exerciseId')) ? params.get('exerciseId') : null,
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
  /** Removes several filters at once (the days of a drill-down). */
  const clear = useCallback(
    (keys: AlertFilterKey[]) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const k of keys) next.delete(k);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

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
      from: isDay(raw.from) ? raw.from : undefined,
      to: isDay(raw.to) ? raw.to : undefined,
      exercise: raw.exercise ? true : undefined,
      exerciseId: raw.exerciseId ?? undefined,
    }),
    [severity, raw.format, raw.rsit, raw.sector, raw.province, raw.org, q, raw.from, raw.to, raw.exercise, raw.exerciseId],
  );
  const narrowing = Object.values(raw).some(Boolean);

  return { raw, query, set, clear, reset, narrowing };
}
