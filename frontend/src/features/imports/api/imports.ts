import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { upload, type UploadProgress } from '../../../api/upload';
import { downloadFile } from '../../../lib/download';
import type { Job } from '../../../lib/jobs';
import { BUSY_STATUSES } from '../import-options';
import type { paths } from '../../../api/schema';
import type { Import, ImportMode, MappingUpdate, RowFilter } from './types';

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
        unwrap(api.GET('/api/v1/imports', { params: { query: { limit: IMPORTS_PAGE_SIZE, cursor: pageParam } }, signal })).then(
          ({ data }) => data,
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  );
}

/** GET /api/v1/imports/{id}; asked again every 2 s while a job works on it. */
export function useImport(id: number) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/imports/{import_id}', { params: { path: { import_id: id } }, signal }))).data,
    enabled: id > 0,
    refetchInterval: (query) => (query.state.data && BUSY_STATUSES.includes(query.state.data.status) ? 2000 : false),
  });
}

type UploadFields = paths['/api/v1/imports']['post']['requestBody']['content']['multipart/form-data'];

/** The multipart fields of POST /api/v1/imports, with the file as a File (the schema says `string`, binary). */
export type NewImport = Omit<UploadFields, 'file' | 'mode'> & { file: File; mode: ImportMode };

/**
 * POST /api/v1/imports (multipart) — the file is read, its columns and a proposed mapping come back.
 * Sent by the XHR `upload` helper, not the typed client: fetch reports no upload progress. The answer
 * is typed by hand from the generated schema (`Import`).
 */
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
    mutationFn: async ({ update }: { update: MappingUpdate; silent?: boolean }) =>
      (await unwrap(api.PUT('/api/v1/imports/{import_id}/mapping', { params: { path: { import_id: id } }, body: update }))).data,
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
    mutationFn: async (step: ImportStep): Promise<Job> =>
      (await unwrap(api.POST(`/api/v1/imports/{import_id}/${step}`, { params: { path: { import_id: id } } }))).data,
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
        unwrap(
          api.GET('/api/v1/imports/{import_id}/rows', {
            params: { path: { import_id: id }, query: { outcome, limit: ROWS_PAGE_SIZE, cursor: pageParam } },
            signal,
          }),
        ).then(({ data }) => data),
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
