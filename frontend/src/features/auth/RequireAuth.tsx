import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../api/auth';
import { loginPath } from '../../paths';

/** Pages behind the login: anonymous visitors go to the login page and come back after. */
export function RequireAuth() {
  const { status } = useSession();
  const location = useLocation();
  if (status !== 'authenticated') {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
