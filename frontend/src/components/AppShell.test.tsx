import { screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import i18n, { LANGUAGE_STORAGE_KEY } from '../i18n';
import { API, json, makeLead, users } from '../test/fixtures';
import { renderApp } from '../test/render';
import { server } from '../test/server';

describe('AppShell', () => {
  it('switches the language of the app and of antd, and remembers only that', async () => {
    server.use(http.get(`${API}/leads`, () => json({ items: [makeLead()], next_cursor: null })));
    const { user } = renderApp('/leads', { user: users.sales });
    await screen.findByRole('heading', { name: 'Leads' });

    await user.click(screen.getByRole('combobox', { name: 'Language' }));
    await user.click(await screen.findByTitle('中文'));
    expect(await screen.findByRole('heading', { name: '线索' })).toBeInTheDocument();
    expect(i18n.language).toBe('zh-CN');
    expect({ ...localStorage }).toEqual({ [LANGUAGE_STORAGE_KEY]: 'zh-CN' });

    // antd's own texts follow: the date picker's "Today".
    await user.click(screen.getByRole('textbox', { name: '创建日期起' }));
    expect(await screen.findByText('今天')).toBeInTheDocument();
  });

  it('logs out: the server session ends and the login page shows', async () => {
    let loggedOut = false;
    server.use(
      http.get(`${API}/leads`, () => json({ items: [], next_cursor: null })),
      http.post(`${API}/auth/logout`, () => {
        loggedOut = true;
        return new Response(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/leads', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Account menu of Li Na' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Log out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(loggedOut).toBe(true);
    expect(await screen.findByRole('heading', { name: 'Log in to the CRM' })).toBeInTheDocument();
  });

  it('offers the imports only to the roles that may import', async () => {
    server.use(http.get(`${API}/leads`, () => json({ items: [], next_cursor: null })));
    const sales = renderApp('/leads', { user: users.sales });
    expect(await sales.findByRole('link', { name: 'Imports' })).toBeInTheDocument();
    sales.unmount();

    const service = renderApp('/leads', { user: users.service });
    await service.findByRole('link', { name: 'Tickets' });
    expect(service.queryByRole('link', { name: 'Imports' })).not.toBeInTheDocument();
  });
});
