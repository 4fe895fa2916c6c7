import { afterEach, beforeEach, vi } from 'vitest';

/**
 * XMLHttpRequest as the upload helper uses it, driven by the test: MSW sees fetch only, and
 * jsdom's XHR reports no upload progress. `requests` are the uploads sent so far; answer one with
 * `progress()`, `respond()` or `fail()` (inside act(), they update components).
 */
export class FakeXHR {
  static requests: FakeXHR[] = [];

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  responseHeaders: Record<string, string> = {};
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  aborted = false;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name] ?? null;
  }

  send(body: FormData) {
    this.body = body;
    FakeXHR.requests.push(this);
  }

  abort() {
    this.aborted = true;
    this.onabort?.();
  }

  /** The names of the `file` parts, and the text parts. */
  get files(): string[] {
    return (this.body?.getAll('file') ?? []).map((file) => (file as File).name);
  }

  field(name: string): string | null {
    const value = this.body?.get(name);
    return typeof value === 'string' ? value : null;
  }

  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }

  respond(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = body === undefined ? '' : JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }

  fail() {
    this.onerror?.();
  }
}

/** Installs FakeXHR around each test of the calling file. */
export function installFakeXHR() {
  beforeEach(() => {
    FakeXHR.requests = [];
    vi.stubGlobal('XMLHttpRequest', FakeXHR);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

/** The n-th upload request (waits for it to be sent). */
export function lastUpload(): FakeXHR {
  const request = FakeXHR.requests.at(-1);
  if (!request) throw new Error('no upload was sent');
  return request;
}
