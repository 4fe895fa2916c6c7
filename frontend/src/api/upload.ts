import { refreshAccessToken } from './client';
import { ApiError } from './errors';
import { getAccessToken } from './session';

/**
 * Multipart uploads with progress. The Fetch API reports no upload progress, so files go through
 * XMLHttpRequest; like the API client it sends the bearer token (staff uploads) and the UI
 * language, refreshes the token once on a 401, and turns error answers into ApiError.
 */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadRequest {
  /** A path of the API, e.g. /api/v1/tickets/7/attachments */
  url: string;
  /** Each becomes a `file` part. */
  files?: File[];
  /** Text parts (e.g. the customer's `message`). */
  fields?: Record<string, string>;
  /** Send the logged-in user's token (false for the public upload page). */
  auth?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function body(request: UploadRequest): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(request.fields ?? {})) form.append(name, value);
  for (const file of request.files ?? []) form.append('file', file, file.name);
  return form;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function send<T>(request: UploadRequest, token: string | null): Promise<{ status: number; data: T; xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    xhr.setRequestHeader('Accept', 'application/json');
    const language = typeof document !== 'undefined' ? document.documentElement.lang : '';
    if (language) xhr.setRequestHeader('Accept-Language', language);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    const abort = () => xhr.abort();
    request.signal?.addEventListener('abort', abort, { once: true });
    const done = () => request.signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, data: parse(xhr.responseText) as T, xhr });
    };
    xhr.onerror = () => {
      done();
      reject(ApiError.network('upload failed'));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    if (request.signal?.aborted) {
      xhr.abort();
      return;
    }
    xhr.send(body(request));
  });
}

/** POSTs the parts; resolves with the JSON answer, rejects with ApiError (status 0 offline). */
export async function upload<T>(request: UploadRequest): Promise<T> {
  const auth = request.auth ?? true;
  const token = auth ? getAccessToken() : null;
  let answer = await send<T>(request, token);
  if (answer.status === 401 && auth) {
    const current = getAccessToken();
    const fresh = current && current !== token ? current : await refreshAccessToken();
    if (fresh) answer = await send<T>(request, fresh);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.data;
  const problem = answer.data && typeof answer.data === 'object' ? answer.data : {};
  throw new ApiError(answer.status, { status: answer.status, title: answer.xhr.statusText, ...problem });
}
