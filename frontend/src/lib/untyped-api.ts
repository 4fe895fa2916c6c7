import { api, unwrap } from '../api/client';

// TODO(i10-merge): replace with generated types. The endpoints of issue 10 (jobs, imports, export,
// bulk) are not in the generated schema yet: these helpers call them through the same client
// (bearer token, Accept-Language, refresh on 401, ApiError on failure) without its path typing.

/** Query parameters as the list endpoints take them (arrays become one comma-separated value). */
export type QueryParams = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

type LooseInit = {
  params?: { query?: Record<string, unknown> };
  body?: unknown;
  signal?: AbortSignal;
  parseAs?: 'json' | 'blob' | 'text';
};
type LooseCall = (path: string, init?: LooseInit) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const loose = api as unknown as { GET: LooseCall; POST: LooseCall; PUT: LooseCall };

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

export async function getJson<T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T> {
  const { data } = await unwrap<T>(loose.GET(path, { params: { query: cleanQuery(query) }, signal }) as never);
  return data;
}

export async function postJson<T>(path: string, body?: unknown): Promise<{ data: T; status: number }> {
  const { data, response } = await unwrap<T>(loose.POST(path, body === undefined ? {} : { body }) as never);
  return { data, status: response.status };
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const { data } = await unwrap<T>(loose.PUT(path, { body }) as never);
  return data;
}

/** A GET whose answer is a file (200) or, for big ones, a JSON body (e.g. 202 with a job). */
export async function getFileOrJson<T>(
  path: string,
  query?: QueryParams,
): Promise<{ kind: 'file'; blob: Blob; fileName: string | null } | { kind: 'json'; status: number; data: T }> {
  const { data, response } = await unwrap<Blob>(
    loose.GET(path, { params: { query: cleanQuery(query) }, parseAs: 'blob' }) as never,
  );
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
