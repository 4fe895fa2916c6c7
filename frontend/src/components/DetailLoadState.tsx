import type { ReactNode } from 'react';
import { ApiError, isApiError } from '../api/errors';
import { DetailSkeleton } from './DetailSkeleton';
import { ErrorState } from './ErrorState';

interface Props {
  /** Whether the id in the address is a record id at all; a malformed one is a 404. */
  valid: boolean;
  query: { isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  /** The link back to the list, kept on the error page so the user is never stuck. */
  back: ReactNode;
  notFoundTitle: string;
  skeleton?: ReactNode;
}

/**
 * What a record page shows until its record is there: the error with the way back (a 404 gets
 * the page's own "not found" title), or the loading skeleton. Pages render it while
 * `!valid || !query.isSuccess`.
 */
export function DetailLoadState({ valid, query, back, notFoundTitle, skeleton = <DetailSkeleton /> }: Props) {
  if (valid && !query.isError) return skeleton;
  const error = valid ? query.error : new ApiError(404, { status: 404 });
  return (
    <div className="page">
      {back}
      <ErrorState
        error={error}
        title={isApiError(error, 404) ? notFoundTitle : undefined}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    </div>
  );
}
