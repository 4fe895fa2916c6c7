import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { duplicateKeys } from './keys';
import type { DuplicateEntity, DuplicateGroupPage, Job, Merge, MergeBody } from './types';

const MERGE_PATHS = {
  companies: '/api/v1/companies/merge',
  contacts: '/api/v1/contacts/merge',
  leads: '/api/v1/leads/merge',
} as const satisfies Record<DuplicateEntity, string>;

const PAGE_SIZE = 50;

/** GET /api/v1/duplicates?entity= — groups of records that may be the same, a page at a time. */
export async function getDuplicateGroups(entity: DuplicateEntity, cursor?: string, signal?: AbortSignal): Promise<DuplicateGroupPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/duplicates', { params: { query: { entity, limit: PAGE_SIZE, cursor: cursor === undefined ? undefined : Number(cursor) } }, signal }),
  );
  return data;
}

export function useDuplicateGroups(entity: DuplicateEntity) {
  return useInfiniteQuery({
    queryKey: duplicateKeys.groups(entity),
    queryFn: ({ pageParam, signal }) => getDuplicateGroups(entity, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

/** POST /api/v1/duplicates/scan?entity= — a job that looks for duplicates among all records. */
export function useScan(entity: DuplicateEntity) {
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/duplicates/scan', { params: { query: { entity } } }))).data,
  });
}

/** POST /api/v1/duplicates/dismiss — these records are not the same: never shown together again. */
export function useDismiss(entity: DuplicateEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: number[]) => {
      await unwrap(api.POST('/api/v1/duplicates/dismiss', { body: { entity, ids } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.groups(entity) }),
  });
}

/** POST /api/v1/{entity}/merge — a job that merges the duplicates into the primary record. */
export function useMerge(entity: DuplicateEntity) {
  return useMutation({
    mutationFn: async (body: MergeBody) =>
      (await unwrap(api.POST(MERGE_PATHS[entity], { body }))).data,
  });
}

/** GET /api/v1/merges/{id} */
export function useMergeRecord(id: number | null) {
  return useQuery({
    queryKey: duplicateKeys.merge(id ?? 0),
    queryFn: async ({ signal }): Promise<Merge> =>
      (await unwrap(api.GET('/api/v1/merges/{merge_id}', { params: { path: { merge_id: id! } }, signal }))).data,
    enabled: id !== null,
  });
}

/** POST /api/v1/merges/{id}/undo — a job that restores the merged records and moves back what moved. */
export function useUndoMerge() {
  return useMutation({
    mutationFn: async (id: number): Promise<Job> =>
      (await unwrap(api.POST('/api/v1/merges/{merge_id}/undo', { params: { path: { merge_id: id } } }))).data,
  });
}

/** A whole record, for the side-by-side compare: GET /api/v1/{entity}/{id}. */
export type FullRecord = Record<string, unknown> & { id: number; name: string };

export async function getRecord(entity: DuplicateEntity, id: number, signal?: AbortSignal): Promise<FullRecord> {
  if (entity === 'companies') {
    const { data } = await unwrap(api.GET('/api/v1/companies/{company_id}', { params: { path: { company_id: id } }, signal }));
    return data;
  }
  if (entity === 'contacts') {
    const { data } = await unwrap(api.GET('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: id } }, signal }));
    return data;
  }
  const { data } = await unwrap(api.GET('/api/v1/leads/{lead_id}', { params: { path: { lead_id: id } }, signal }));
  return data;
}

export function useRecords(entity: DuplicateEntity, ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: duplicateKeys.record(entity, id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getRecord(entity, id, signal),
      // Always the current values: the user is about to choose among them.
      staleTime: 0,
    })),
  });
}

/**
 * After a merge or its undo: every list, page and hint of these records may have changed.
 * `gone`: the records a merge just deleted; their queries are dropped, not fetched again
 * (the compare drawer still observes them at this moment, and each would answer 404).
 */
export function useRefreshAfterMerge(entity: DuplicateEntity) {
  const queryClient = useQueryClient();
  return (gone: readonly number[] = []) => {
    for (const id of gone) queryClient.removeQueries({ queryKey: duplicateKeys.record(entity, id), exact: true });
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: duplicateKeys.all }),
      queryClient.invalidateQueries({ queryKey: [entity] }),
    ]);
  };
}
