import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import type { BulkResource } from '../lib/bulk';
import { tickedIds, useRowSelection } from '../lib/use-row-selection';
import type { QueryParams } from '../lib/download';
import { BulkActionBar, type StatusOption } from './BulkActionBar';
import type { ListSelection, PagedListQuery } from './RecordList';

interface Options<T> {
  resource: BulkResource;
  /** The list's paged query (its loaded rows are what can be ticked). */
  list: Pick<PagedListQuery<T>, 'data' | 'hasNextPage'>;
  /** The list's API query (filters and sort): "all matching" sends it, the export uses it. */
  query: QueryParams;
  /** What identifies the list's filters: another one starts with nothing ticked. */
  scope: string;
  rowLabel: (row: T) => string;
  /** Refreshed after an action changed rows. */
  listKey: QueryKey;
  statuses?: StatusOption[];
  canAssign: boolean;
  canWrite?: boolean;
}

/** A list's row selection and its bulk-action bar, wired together. */
export function useBulkSelection<T extends { id: number }>({
  resource,
  list,
  query,
  scope,
  rowLabel,
  listKey,
  statuses,
  canAssign,
  canWrite,
}: Options<T>): { bar: ReactNode; selection: ListSelection<T> } {
  const queryClient = useQueryClient();
  const rowSelection = useRowSelection(scope);
  const loadedIds = useMemo(() => list.data?.pages.flatMap((page) => page.items.map((row) => row.id)) ?? [], [list.data]);
  const bar = (
    <BulkActionBar
      resource={resource}
      selection={rowSelection}
      loadedIds={loadedIds}
      hasMore={list.hasNextPage}
      query={query}
      statuses={statuses}
      canAssign={canAssign}
      canWrite={canWrite}
      onChanged={() => void queryClient.invalidateQueries({ queryKey: listKey })}
    />
  );
  return {
    bar,
    selection: { selectedIds: tickedIds(rowSelection, loadedIds), onChange: rowSelection.setIds, rowLabel },
  };
}
