import { useMemo } from 'react';
import { useOrgDirectory } from '../orgs/orgs.api.ts';

/** An organisation's name by id, from the directory the caller may read (the id until it loads). */
export function useOrgNames(): (id: string) => string {
  const directory = useOrgDirectory();
  return useMemo(() => {
    const names = new Map((directory.data?.items ?? []).map((o) => [o.id, o.name]));
    return (id: string) => names.get(id) ?? id;
  }, [directory.data]);
}
