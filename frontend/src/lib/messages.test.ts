import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../i18n';
import { ApiError } from '../api/errors';
import { errorMessage } from './messages';

const t = i18n.getFixedT('en-US');

function apiError(status: number, code: string | undefined, detail?: string) {
  return new ApiError(status, { status, code: code as never, detail });
}

describe('errorMessage', () => {
  it("shows the server's message, which is already in the user's language", () => {
    expect(errorMessage(apiError(404, 'lead_not_found', '线索不存在。'), t)).toBe('线索不存在。');
    expect(errorMessage(apiError(409, 'invalid_transition', 'A ticket cannot go from new to closed.'), t)).toBe(
      'A ticket cannot go from new to closed.',
    );
  });

  it('branches on the code, not on the text', () => {
    expect(errorMessage(apiError(412, 'etag_mismatch', 'reworded by the server'), t)).toBe(
      t('errors.conflict'),
    );
    expect(errorMessage(apiError(429, 'rate_limited', 'whatever'), t)).toBe(t('errors.tooManyRequests'));
    expect(errorMessage(apiError(403, 'read_only_role', 'whatever'), t)).toBe(t('errors.forbidden'));
  });

  it('has its own words when the answer did not come from the API', () => {
    expect(errorMessage(apiError(502, undefined), t)).toBe(t('errors.server'));
    expect(errorMessage(ApiError.network(new TypeError('Failed to fetch')), t)).toBe(t('errors.network'));
    expect(errorMessage(new Error('boom'), t)).toBe(t('errors.generic'));
  });
});
