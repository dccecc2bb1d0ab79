import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { STATS_DIMENSIONS, type StatsDimension, type StatsFilters } from './breakdown.ts';

/** The statistics page's address: ?dim=&period=|from=&to=&sector=&province=&rsit=&severity=&compare=1. */
export function useStatsParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(change)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const search = params.toString();
  return useMemo(() => {
    const p = new URLSearchParams(search);
    const dim = p.get('dim');
    const severity = Number(p.get('severity'));
    const filters: StatsFilters = {
      sector: p.get('sector') || undefined,
      province: /^[0-9]{2}$/.test(p.get('province') ?? '') ? p.get('province')! : undefined,
      rsitClass: p.get('rsit') || undefined,
      minSeverity: severity >= 1 && severity <= 4 ? severity : undefined,
    };
    return {
      params: p,
      dimension: ((STATS_DIMENSIONS as readonly string[]).includes(dim ?? '') ? dim : 'sector') as StatsDimension,
      filters,
      compare: p.get('compare') === '1',
      update,
    };
  }, [search, update]);
}

export type StatsParams = ReturnType<typeof useStatsParams>;
