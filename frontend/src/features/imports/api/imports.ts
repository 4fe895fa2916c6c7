import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { upload, type UploadProgress } from '../../../api/upload';
import { downloadFile } from '../../../lib/download';
import type { Job } from '../../../lib/jobs';
import { getJson, postJson, putJson } from '../../../lib/untyped-api';
import { BUSY_STATUSES } from '../import-options';
import type { Import, ImportEntity, ImportMode, ImportPage, ImportRowPage, MappingUpdate, MatchOn, RowFilter } from './types';

export const importKeys = {
  all: ['imports'] as const,
  lists: () => [...importKeys.all, 'list'] as const,
  detail: (id: number) => [...importKeys.all, 'detail', id] as const,
  rows: (id: number, outcome?: RowFilter) => [...importKeys.detail(id), 'rows', outcome ?? 'all'] as const,
};

export const IMPORTS_PAGE_SIZE = 25;
export const ROWS_PAGE_SIZE = 50;

/** GET /api/v1/imports — newest first, a page at a time. */
export function useImports() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: importKeys.lists(),
      queryFn: ({ pageParam, signal }) =>
        getJson<ImportPage>('/api/v1/imports', { limit: IMPORTS_PAGE_SIZE, cursor: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  );
}

/** GET /api/v1/imports/{id}; asked again every 2 s while a job works on it. */
export function useImport(id: number) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => getJson<Import>(`/api/v1/imports/${id}`, undefined, signal),
    enabled: id > 0,
    refetchInterval: (query) => (query.state.data && BUSY_STATUSES.includes(query.state.data.status) ? 2000 : false),
  });
}

export interface NewImport {
  file: File;
  entity: ImportEntity;
  mode: ImportMode;
  match_on?: MatchOn;
  sheet?: string;
}

/** POST /api/v1/imports (multipart) — the file is read, its columns and a proposed mapping come back. */
export function useCreateImport(onProgress?: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, entity, mode, match_on, sheet }: NewImport) =>
      upload<Import>({
        url: '/api/v1/imports',
        files: [file],
        fields: { entity, mode, ...(match_on ? { match_on } : {}), ...(sheet ? { sheet } : {}) },
        onProgress,
      }),
    onSuccess: (created) => {
      queryClient.setQueryData(importKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
    },
  });
}

/** PUT /api/v1/imports/{id}/mapping */
export function useUpdateMapping(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    /** `silent`: a change right before the next step (the page keeps showing the import as it was). */
    mutationFn: ({ update }: { update: MappingUpdate; silent?: boolean }) => putJson<Import>(`/api/v1/imports/${id}/mapping`, update),
    onSuccess: (updated, { silent }) => {
      if (!silent) queryClient.setQueryData(importKeys.detail(id), updated);
    },
  });
}

export type ImportStep = 'dry-run' | 'commit' | 'revert';

/** POST /api/v1/imports/{id}/dry-run | commit | revert -> 202 Job */
export function useImportStep(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (step: ImportStep) => (await postJson<Job>(`/api/v1/imports/${id}/${step}`)).data,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
    },
  });
}

/** GET /api/v1/imports/{id}/rows?outcome= — the row-by-row report, a page at a time. */
export function useImportRows(id: number, outcome: RowFilter | undefined, enabled: boolean) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: importKeys.rows(id, outcome),
      queryFn: ({ pageParam, signal }) =>
        getJson<ImportRowPage>(
          `/api/v1/imports/${id}/rows`,
          { outcome, limit: ROWS_PAGE_SIZE, cursor: pageParam },
          signal,
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
      enabled,
    }),
  );
}

/** GET /api/v1/imports/{id}/rows.csv?outcome= — the report with the original columns, outcome and reason. */
export function downloadReport(id: number, outcome?: RowFilter): Promise<void> {
  return downloadFile(`/api/v1/imports/${id}/rows.csv`, `import-${id}-report.csv`, { outcome });
}
