import { StyleProvider } from '@ant-design/cssinjs';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setSession } from '../api/session';
import type { User } from '../api/types';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from '../providers';
import { routes } from '../routes';

/**
 * antd's CSS-in-JS is kept out of the jsdom document: with its style sheets there, every role
 * query resolves the cascade for each element and a test takes seconds instead of milliseconds.
 */
function NoStyles({ children }: { children: ReactNode }) {
  return <StyleProvider mock="server">{children}</StyleProvider>;
}

function testQueryClient() {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { retry: false, staleTime: Infinity, gcTime: Infinity },
    mutations: { retry: false },
  });
  return client;
}

/** The whole app (routes, shell, providers) at `path`, logged in as `user`. */
export function renderApp(path: string, { user }: { user: User }) {
  setSession('test-access-token', user);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = testQueryClient();
  const view = render(
    <NoStyles>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </NoStyles>,
  );
  return { ...view, router, queryClient, user: userEvent.setup() };
}

/** One component inside the providers (no routes), logged in as `user`. */
export function renderWithProviders(ui: ReactNode, { user }: { user: User }) {
  setSession('test-access-token', user);
  const queryClient = testQueryClient();
  const view = render(
    <NoStyles>
      <AppProviders queryClient={queryClient}>{ui}</AppProviders>
    </NoStyles>,
  );
  return { ...view, queryClient, user: userEvent.setup() };
}

/** The whole app at `path` with nobody logged in (the public upload page). */
export function renderAnonymous(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = testQueryClient();
  const view = render(
    <NoStyles>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </NoStyles>,
  );
  return { ...view, router, queryClient, user: userEvent.setup() };
}
