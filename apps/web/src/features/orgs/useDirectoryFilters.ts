import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { foldText } from '../../lib/text.ts';
import type { OrgFilters } from './orgTree.ts';

export type DirectoryView = 'tree' | 'table';
const DEFAULT_STATUS = 'active';

/** Directory filters kept in the address (?q=&sector=&province=&kind=&status=&view=), so a view can be shared. */
export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();
  const raw = {
    q: params.get('q') ?? '',
    sector: params.get('sector'),
    province: params.get('province'),
    kind: params.get('kind'),
    status: params.get('status') ?? DEFAULT_STATUS,
    view: (params.get('view') === 'table' ? 'table' : 'tree') as DirectoryView,
  };

  const set = useCallback(
    (key: 'q' | 'sector' | 'province' | 'kind' | 'status' | 'view', value: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null || value === '' || (key === 'status' && value === DEFAULT_STATUS) || (key === 'view' && value === 'tree')) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const filters: OrgFilters = useMemo(
    () => ({ q: foldText(raw.q), sector: raw.sector, province: raw.province, kind: raw.kind, status: raw.status }),
    [raw.q, raw.sector, raw.province, raw.kind, raw.status],
  );
  const narrowing = Boolean(filters.q || filters.sector || filters.province || filters.kind || filters.status !== DEFAULT_STATUS);
  const reset = useCallback(() => setParams(raw.view === 'table' ? { view: 'table' } : {}, { replace: true }), [setParams, raw.view]);

  return { raw, filters, narrowing, set, reset };
}
