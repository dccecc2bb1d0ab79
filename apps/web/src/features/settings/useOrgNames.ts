import { useCallback } from 'react';
import { useOrgName } from '../orgs/useOrgName.ts';

/** An organisation's name by id in the reader's language, from the directory the caller may read (the id until it loads). */
export function useOrgNames(): (id: string) => string {
  const nameOf = useOrgName();
  return useCallback((id: string) => nameOf(id, id), [nameOf]);
}
