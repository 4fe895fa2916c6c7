import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters, kept in the URL's query string so a view can be bookmarked, shared and
 * survives a reload. Clearing keeps the sort: it orders the list but filters nothing.
 */
export function useUrlFilters<Filters extends { sort?: unknown }>(
  fromParams: (params: URLSearchParams) => Filters,
  toParams: (filters: Filters) => URLSearchParams,
) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => fromParams(params), [fromParams, params]);
  const setFilters = useCallback(
    (patch: Partial<Filters>) =>
      setParams((current) => toParams({ ...fromParams(current), ...patch }), { replace: true }),
    [fromParams, toParams, setParams],
  );
  const clearFilters = useCallback(
    () => setParams((current) => toParams({ sort: fromParams(current).sort } as Filters), { replace: true }),
    [fromParams, toParams, setParams],
  );
  return { params, filters, setFilters, clearFilters };
}
