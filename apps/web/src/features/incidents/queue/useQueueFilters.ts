import { useCallback, useMemo } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { INCIDENT_STATUSES, TLP_LEVELS, type IncidentStatus, type Tlp } from '@lachan/contracts';
import type { IncidentFilters } from '../incidents.api.ts';

/**
 * Keys of the queue's address (?status=&severity=&class=&tlp=&serious=&org=&overdue=&assigned=&q=), and
 * those a statistics drill-down adds (?sector=&province=&from=&to=); ?exercise=true lists the incidents of exercises instead of real ones,
 * ?exerciseId= those of one exercise.
 */
export const FILTER_KEYS = ['status', 'severity', 'class', 'tlp', 'serious', 'org', 'overdue', 'assigned', 'q', 'sector', 'province', 'from', 'to', 'exercise', 'exerciseId'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
const SEARCH_DEBOUNCE_MS = 300;

const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (list as readonly (string | null)[]).includes(value) ? (value as T) : undefined;

/** The list query for the address's filters; anything malformed is ignored rather than sent. */
export function filtersFromParams(params: URLSearchParams, q: string): IncidentFilters {
  const severity = Number(params.get('severity'));
  const serious = params.get('serious');
  return {
    status: oneOf<IncidentStatus | 'open'>([...INCIDENT_STATUSES, 'open'], params.get('status')),
    severity: severity >= 1 && severity <= 4 ? severity : undefined,
    class: params.get('class') || undefined,
    tlp: oneOf<Tlp>(TLP_LEVELS, params.get('tlp')),
    serious: serious === 'true' ? true : serious === 'false' ? false : undefined,
    orgId: params.get('org') || undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    assigned: params.get('assigned') === 'me' ? 'me' : undefined,
    q: q || undefined,
    sector: params.get('sector') || undefined,
    province: /^[0-9]{2}$/.test(params.get('province') ?? '') ? params.get('province')! : undefined,
    from: isDay(params.get('from')) ? params.get('from')! : undefined,
    to: isDay(params.get('to')) ? params.get('to')! : undefined,
    exercise: params.get('exercise') === 'true' ? true : undefined,
    exerciseId: isUuid(params.get('exerciseId')) ? params.get('exerciseId')! : undefined,
  };
}

/** Queue filters kept in the address, so a view can be shared, saved and restored. */
export function useQueueFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: FilterKey) => params.get(key);
  const [q] = useDebouncedValue((params.get('q') ?? '').trim(), SEARCH_DEBOUNCE_MS);

  const set = useCallback(
    (key: FilterKey, value: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const apply = useCallback((search: string) => setParams(new URLSearchParams(search), { replace: true }), [setParams]);

  const search = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(search), q), [search, q]);
  const narrowing = FILTER_KEYS.some((k) => params.get(k));
  return { get, set, apply, search, filters, narrowing };
}
