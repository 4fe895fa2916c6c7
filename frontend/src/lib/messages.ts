import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';

/**
 * A short sentence for any failure, for toasts and error states. The API answers its messages
 * in the language the app sends as Accept-Language, so its `detail` is shown as is; the app's
 * own wording is used where it tells a user more (branching on the stable `code`, never on the
 * text), and for answers that did not come from the API (offline, a proxy's error page).
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.isNetworkError) return t('errors.network');
  if (!error.code) return error.status >= 500 ? t('errors.server') : t('errors.generic');
  switch (error.code) {
    case 'etag_mismatch':
      return t('errors.conflict');
    case 'rate_limited':
      return t('errors.tooManyRequests');
    case 'forbidden':
    case 'role_forbidden':
    case 'read_only_role':
      return t('errors.forbidden');
    case 'internal_error':
      return t('errors.server');
    default:
      if (error.status === 401) return t('errors.unauthorized');
      return error.problem.detail ?? t('errors.generic');
  }
}
