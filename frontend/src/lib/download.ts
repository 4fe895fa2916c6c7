import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

/**
 * File downloads of the API (exports, import reports). Kept beside the typed client rather than
 * through it: the generated schema describes these answers as text (`text/csv`, xlsx as `string`) or
 * not at all (`content?: never`), while the SPA needs the bytes as a Blob and the server's file name;
 * and an export GET answers either the file (200) or a JSON Job (202) with the list's own query,
 * which differs per resource. So the GET goes through the same client (bearer token,
 * Accept-Language, refresh on 401, ApiError on failure) with `parseAs: 'blob'`, and only the path is
 * checked: it must be one of the file endpoints of the generated schema.
 */

/** Query parameters as the list endpoints take them (arrays become one comma-separated value). */
export type QueryParams = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** The GET endpoints of the schema that answer a file. */
type FileTemplate = Extract<keyof paths, `${string}/export` | `${string}/download` | `${string}.csv`>;
/** One of them with its path parameters filled in, e.g. /api/v1/imports/7/rows.csv. */
export type FilePath = FileTemplate extends infer T
  ? T extends `${infer Head}{${string}}${infer Tail}`
    ? `${Head}${number}${Tail}`
    : T
  : never;

type FileGet = (
  path: string,
  init: { params: { query?: Record<string, unknown> }; parseAs: 'blob' },
) => Promise<{ data?: Blob; error?: unknown; response: Response }>;
// The generated types have no Blob answer for these paths (see above): the one untyped call of the SPA.
const getBlob = api.GET.bind(api) as unknown as FileGet;

/** Leaves out empty values so the URL carries only the filters that are set. */
export function cleanQuery(query: QueryParams | undefined): Record<string, unknown> | undefined {
  if (!query) return undefined;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    clean[key] = value;
  }
  return clean;
}

/** A GET whose answer is a file (200) or, for big ones, a JSON body (e.g. 202 with a job). */
export async function getFileOrJson<T>(
  path: FilePath,
  query?: QueryParams,
): Promise<{ kind: 'file'; blob: Blob; fileName: string | null } | { kind: 'json'; status: number; data: T }> {
  const { data, response } = await unwrap(getBlob(path, { params: { query: cleanQuery(query) }, parseAs: 'blob' }));
  const type = response.headers.get('Content-Type') ?? '';
  if (response.status === 202 || (type.includes('application/json') && !response.headers.has('Content-Disposition'))) {
    return { kind: 'json', status: response.status, data: JSON.parse(await data.text()) as T };
  }
  return { kind: 'file', blob: data, fileName: fileNameFromDisposition(response.headers.get('Content-Disposition')) };
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*=UTF-8''…` wins over `filename=`). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  if (!plain) return null;
  return (plain[2] ?? plain[1]).trim();
}

/** Hands a file to the browser's downloads (an object URL on a temporary link). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a file of the API with the logged-in user's token (a bare link would go without it):
 * fetch -> blob -> save, under the server's file name (Content-Disposition) or `fallbackName`.
 */
export async function downloadFile(path: FilePath, fallbackName: string, query?: QueryParams): Promise<void> {
  const answer = await getFileOrJson<unknown>(path, query);
  if (answer.kind === 'file') saveBlob(answer.blob, answer.fileName ?? fallbackName);
  else saveBlob(new Blob([JSON.stringify(answer.data)], { type: 'application/json' }), fallbackName);
}
