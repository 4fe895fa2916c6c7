import { useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { restoreSession, useSession } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { ErrorState } from '../../components/ErrorState';
import { BootSkeleton } from '../../components/PageSkeleton';

/**
 * On page load the access token is gone (it lived in memory): restore the login from the
 * refresh cookie before rendering any page, so a reload keeps the user where they were.
 */
export function SessionGate() {
  const { status } = useSession();
  const [unreachable, setUnreachable] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (status !== 'restoring') return;
    let cancelled = false;
    void restoreSession().then((result) => {
      if (!cancelled) setUnreachable(result === 'unreachable');
    });
    return () => {
      cancelled = true;
    };
  }, [status, attempt]);

  if (unreachable) {
    return (
      <div className="page">
        <ErrorState
          error={ApiError.network('restore')}
          onRetry={() => {
            setUnreachable(false);
            setAttempt((n) => n + 1);
          }}
        />
      </div>
    );
  }
  if (status === 'restoring') return <BootSkeleton />;
  return <Outlet />;
}
