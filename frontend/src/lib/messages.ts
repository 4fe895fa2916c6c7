import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';

/**
 * A short sentence for any failure, for toasts and error states. The server answers its
 * messages in the language the app sends as Accept-Language, so its `detail` is shown as is;
 * the app's own wording is used only where it says more to a user than the server's (branching
 * on the stable `code` and status, never on the text).
 */
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
  if (error.status === 401) return t('errors.unauthorized');
  if (error.status >= 500 && error.status !== 503) return t('errors.server');
  return error.problem.detail ?? t('errors.generic');
}
