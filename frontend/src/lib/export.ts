import type { paths } from '../api/schema';
import type { Job } from './jobs';
import { getFileOrJson, type FilePath, type QueryParams } from './download';

/** The lists with GET /api/v1/{resource}/export in the generated schema. */
export type ExportResource = Extract<keyof paths, `/api/v1/${string}/export`> extends `/api/v1/${infer R}/export` ? R : never;
export type ExportFormat = NonNullable<NonNullable<paths['/api/v1/leads/export']['get']['parameters']['query']>['format']>;

/**
 * The result of an export job (more than one page of rows). Written by hand: the OpenAPI document
 * types a job's result as a free-form object (it depends on the job's kind); the 202 answer's
 * description gives this shape.
 */
export interface ExportResult {
  export_id: number;
  file_name: string;
  rows: number;
  download_url: FilePath;
}

/**
 * GET /api/v1/{resource}/export?format=&<the list's filters and sort>&ids= — the file itself when
 * it is small (200), else a job (202) whose result says where to download it.
 */
export async function startExport(
  resource: ExportResource,
  format: ExportFormat,
  query: QueryParams,
  ids?: readonly number[],
): Promise<{ kind: 'file'; blob: Blob; fileName: string } | { kind: 'job'; job: Job }> {
  const answer = await getFileOrJson<Job>(`/api/v1/${resource}/export`, {
    ...withoutPaging(query),
    format,
    ids: ids?.length ? ids.join(',') : undefined,
  });
  if (answer.kind === 'json') return { kind: 'job', job: answer.data };
  return { kind: 'file', blob: answer.blob, fileName: answer.fileName ?? `${resource}.${format}` };
}

/** An export takes every matching row: the list's page size and cursor do not apply. */
function withoutPaging(query: QueryParams): QueryParams {
  const { limit: _limit, cursor: _cursor, ...rest } = query;
  return rest;
}

export function exportResultOf(job: Job): ExportResult | null {
  const result = job.result as Partial<ExportResult> | null;
  return result?.download_url ? (result as ExportResult) : null;
}
