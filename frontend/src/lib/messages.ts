import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';

/**
 * The server answers its messages in English. The common ones have a translation under
 * `server.<message as a key>`; anything else is shown as the server wrote it.
 */
export function serverMessageKey(message: string): string {
  return message
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function serverMessage(message: string, t: TFunction): string {
  return t(`server.${serverMessageKey(message)}`, { defaultValue: message });
}

/** A short, translated sentence for any failure, for toasts and error states. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.isNetworkError) return t('errors.network');
  switch (error.code) {
    case 'etag_mismatch':
      return t('errors.conflict');
    case 'rate_limited':
      return t('errors.tooManyRequests');
    case 'forbidden':
    case 'role_forbidden':
    case 'read_only_role':
      return t('errors.forbidden');
    default:
      break;
  }
  switch (error.status) {
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 412:
      return t('errors.conflict');
    case 429:
      return t('errors.tooManyRequests');
    default:
      if (error.status >= 500) return t('errors.server');
      return error.problem.detail ? serverMessage(error.problem.detail, t) : t('errors.generic');
  }
}
