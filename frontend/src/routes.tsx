import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppShell } from './components/AppShell';
import { RouteError } from './components/RouteError';
import { RequireAuth } from './features/auth/RequireAuth';
import { SessionGate } from './features/auth/SessionGate';
import { paths } from './paths';

// Pages load on demand: the login page does not carry the lead list's code and vice versa.
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const LeadList = lazy(() => import('./features/leads/LeadList'));
const LeadDetail = lazy(() => import('./features/leads/LeadDetail'));
const NotFound = lazy(() => import('./components/NotFound'));

export const routes: RouteObject[] = [
  {
    element: <SessionGate />,
    errorElement: <RouteError />,
    children: [
      { path: paths.login, element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              {
                // Inside the shell, so that the navigation stays usable when a page fails.
                errorElement: <RouteError />,
                children: [
                  { index: true, element: <Navigate to={paths.leads} replace /> },
                  { path: paths.leads, element: <LeadList /> },
                  { path: paths.leadPattern, element: <LeadDetail /> },
                  { path: '*', element: <NotFound /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
