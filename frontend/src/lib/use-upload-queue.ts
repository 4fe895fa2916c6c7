import type { TFunction } from 'i18next';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors';
import type { UploadProgress } from '../api/upload';
import { errorMessage } from './messages';

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed';

export interface QueuedUpload {
  key: string;
  file: File;
  status: UploadStatus;
  /** Bytes sent so far (of file.size, roughly: the multipart body is a little larger). */
  percent: number;
  error: unknown;
}

/** Sends one file; rejects with ApiError on failure. */
export type SendFile = (file: File, onProgress: (progress: UploadProgress) => void, signal: AbortSignal) => Promise<unknown>;

interface Options {
  /**
   * A refusal known before sending (too large, too many files), or null to send the file;
   * `queued` are the files already in the queue (failed ones included).
   */
  check?: (file: File, queued: readonly QueuedUpload[]) => UploadRefusal | null;
  onUploaded?: (file: File, answer: unknown) => void;
}

let counter = 0;

/**
 * Files picked or dropped, sent one request per file, one at a time (a shaky phone connection
 * does better with one upload than with several competing), each with its progress; a failed
 * one keeps its error and can be retried.
 */
export function useUploadQueue(send: SendFile, { check, onUploaded }: Options = {}) {
  const [items, setItems] = useState<QueuedUpload[]>([]);
  const latest = useRef({ send, check, onUploaded });
  // Current before this render's effects run (layout effects come first): an upload started below uses them.
  useLayoutEffect(() => {
    latest.current = { send, check, onUploaded };
  }, [send, check, onUploaded]);
  const controllers = useRef(new Map<string, AbortController>());

  const patch = useCallback((key: string, change: Partial<QueuedUpload>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback((files: File[]) => {
    const keys = files.map(() => `upload-${(counter += 1)}`);
    setItems((current) => {
      const next = [...current];
      files.forEach((file, index) => {
        const refusal = latest.current.check?.(file, next) ?? null;
        next.push({ key: keys[index], file, status: refusal ? 'failed' : 'waiting', percent: 0, error: refusal });
      });
      return next;
    });
  }, []);

  const retry = useCallback((key: string) => {
    setItems((current) => {
      const others = current.filter((item) => item.key !== key);
      return current.map((item) => {
        if (item.key !== key) return item;
        const refusal = latest.current.check?.(item.file, others) ?? null;
        return { ...item, status: refusal ? 'failed' : 'waiting', percent: 0, error: refusal };
      });
    });
  }, []);

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setItems((current) => current.filter((item) => item.key !== key));
  }, []);

  const clearFinished = useCallback(() => {
    setItems((current) => current.filter((item) => item.status === 'waiting' || item.status === 'uploading'));
  }, []);

  const next = items.find((item) => item.status === 'waiting');
  const busy = items.some((item) => item.status === 'uploading');

  useEffect(() => {
    if (!next || busy) return;
    const { key, file } = next;
    const controller = new AbortController();
    controllers.current.set(key, controller);
    // Starting the upload (an outside system) is what this effect is for; it marks the file as sent in the same step.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    patch(key, { status: 'uploading', percent: 0 });
    latest.current
      .send(
        file,
        ({ loaded, total }) => patch(key, { percent: total ? Math.min(99, Math.floor((loaded / total) * 100)) : 0 }),
        controller.signal,
      )
      .then((answer) => {
        patch(key, { status: 'done', percent: 100 });
        latest.current.onUploaded?.(file, answer);
      })
      .catch((error: unknown) => {
        if ((error as { name?: string })?.name === 'AbortError') return;
        patch(key, { status: 'failed', error });
      })
      .finally(() => controllers.current.delete(key));
  }, [next, busy, patch]);

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  return { items, add, retry, remove, clearFinished, busy: busy || !!next };
}

/** A file refused in the browser before sending (too large, too many): the message says why. */
export class UploadRefusal extends Error {
  override name = 'UploadRefusal';
}

/** Why a file did not arrive, in words the person can act on. */
export function uploadErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof UploadRefusal) return error.message;
  if (!(error instanceof ApiError)) return errorMessage(error, t);
  if (error.isNetworkError) return t('uploads.errors.network');
  switch (error.status) {
    case 413:
      return t('uploads.errors.tooLarge');
    case 415:
      return t('uploads.errors.type');
    case 422:
      return t('uploads.errors.invalid');
    case 503:
      return t('uploads.errors.storage');
    default:
      return errorMessage(error, t);
  }
}

/** 1.5 MB, 820 KB, 12 B — in the UI language's number format. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
