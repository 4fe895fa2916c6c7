import { act, screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { dayjs } from '../../lib/dates';
import { API, assigneesHandler, json, makeLead, noDuplicatesHandler, problem, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { setViewportWidth } from '../../test/viewport';

/** Records the query strings the list asks for. */
function leadsHandler(pages: { items: ReturnType<typeof makeLead>[]; next_cursor: string | null }[]) {
  const requests: URLSearchParams[] = [];
  const handler = http.get(`${API}/leads`, async ({ request }) => {
    const params = new URL(request.url).searchParams;
    requests.push(params);
    await delay(10);
    const page = params.get('cursor') ? pages[Number(params.get('cursor'))] : pages[0];
    return json(page ?? { items: [], next_cursor: null });
  });
  return { handler, requests };
}

describe('LeadList', () => {
  it('shows a skeleton, then the leads with status, owner and next follow-up (overdue in red)', async () => {
    const overdue = dayjs().subtract(1, 'day').hour(9).minute(0).toISOString();
    const { handler } = leadsHandler([
      {
        items: [
          makeLead({ name: '王磊', company_name: '苏州泵业', status: 'contacted', next_follow_up_at: overdue }),
          makeLead({ name: 'Anna Schmidt', status: 'qualified', owner_id: null, owner_name: null }),
        ],
        next_cursor: null,
      },
    ]);
    server.use(handler);
    renderApp('/leads', { user: users.sales });

    expect(await screen.findByText('Loading…')).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: '王磊' })).closest('tr')!;
    expect(within(row).getByText('苏州泵业')).toBeInTheDocument();
    expect(within(row).getByText('Contacted')).toBeInTheDocument();
    expect(within(row).getByText('Li Na (me)')).toBeInTheDocument();
    const due = within(row).getByText(/Overdue: Yesterday 09:00/);
    expect(due.closest('.ant-typography')).toHaveClass('ant-typography-danger');
    const other = screen.getByRole('link', { name: 'Anna Schmidt' }).closest('tr')!;
    expect(within(other).getByText('Unassigned')).toBeInTheDocument();
    expect(within(other).getByText('Nothing planned')).toBeInTheDocument();
    expect(screen.getByText('All 2 leads shown')).toBeInTheDocument();
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const { handler, requests } = leadsHandler([{ items: [makeLead()], next_cursor: null }]);
    server.use(handler);
    renderApp('/leads?q=pump&status=new,contacted&owner=me&source=event&created_from=2026-03-01&due=today&sort=name', {
      user: users.sales,
    });
    await screen.findByRole('link', { name: /Lead/ });
    const params = requests[0];
    expect(params.get('q')).toBe('pump');
    expect(params.get('status')).toBe('new,contacted');
    expect(params.get('owner_id')).toBe('me');
    expect(params.get('source')).toBe('event');
    expect(params.get('sort')).toBe('name');
    expect(dayjs(params.get('created_after')).format('YYYY-MM-DD HH:mm')).toBe('2026-03-01 00:00');
    expect(params.get('next_follow_up_before')).toBe(dayjs().endOf('day').toISOString());
    expect(screen.getByRole('searchbox', { name: 'Search leads' })).toHaveValue('pump');
  });

  it('puts a changed filter and the search text into the URL and reloads', async () => {
    const { handler, requests } = leadsHandler([{ items: [makeLead()], next_cursor: null }]);
    server.use(handler);
    const { router, user } = renderApp('/leads', { user: users.sales });
    await screen.findByRole('link', { name: /Lead/ });

    await user.click(screen.getByRole('combobox', { name: 'Owner' }));
    await user.click(await screen.findByTitle('Unassigned'));
    await waitFor(() => expect(router.state.location.search).toBe('?owner=none'));
    await waitFor(() => expect(requests.at(-1)?.get('owner_id')).toBe('none'));

    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), '138 0013');
    await waitFor(() => expect(router.state.location.search).toBe('?q=138+0013&owner=none'));
    await waitFor(() => expect(requests.at(-1)?.get('q')).toBe('138 0013'));
  });

  it('offers team members as owners to a manager', async () => {
    const { handler, requests } = leadsHandler([{ items: [makeLead()], next_cursor: null }]);
    server.use(handler, assigneesHandler);
    const { router, user } = renderApp('/leads', { user: users.manager });
    await screen.findByRole('link', { name: /Lead/ });
    await user.click(screen.getByRole('combobox', { name: 'Owner' }));
    await user.click(await screen.findByTitle('Tom Baker'));
    await waitFor(() => expect(router.state.location.search).toBe('?owner=4'));
    await waitFor(() => expect(requests.at(-1)?.get('owner_id')).toBe('4'));
  });

  it('loads the next page with the cursor', async () => {
    const { handler, requests } = leadsHandler([
      { items: [makeLead({ name: 'First page lead' })], next_cursor: '1' },
      { items: [makeLead({ name: 'Second page lead' })], next_cursor: null },
    ]);
    server.use(handler);
    const { user } = renderApp('/leads', { user: users.sales });
    await screen.findByRole('link', { name: 'First page lead' });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Second page lead' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'First page lead' })).toBeInTheDocument();
    expect(requests.at(-1)?.get('cursor')).toBe('1');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('invites to create the first lead (and mentions importing) when there are none', async () => {
    server.use(leadsHandler([{ items: [], next_cursor: null }]).handler);
    renderApp('/leads', { user: users.sales });
    expect(await screen.findByText('No leads yet')).toBeInTheDocument();
    expect(screen.getByText(/Importing a spreadsheet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create your first lead' })).toBeInTheDocument();
  });

  it('says when filters match nothing, and clears them', async () => {
    const { handler } = leadsHandler([{ items: [], next_cursor: null }]);
    server.use(handler);
    const { router, user } = renderApp('/leads?status=converted', { user: users.sales });
    expect(await screen.findByText('No leads match this search and these filters.')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]);
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows an error with a retry that works', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/leads`, () => {
        calls += 1;
        return calls === 1 ? problem(503, 'Down for a moment') : json({ items: [makeLead({ name: 'Back again' })], next_cursor: null });
      }),
    );
    const { user } = renderApp('/leads', { user: users.sales });
    expect(await screen.findByText('This could not be loaded')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Back again' })).toBeInTheDocument();
  });

  it('creates a lead, showing the API field errors under their fields', async () => {
    const bodies: unknown[] = [];
    server.use(
      leadsHandler([{ items: [makeLead()], next_cursor: null }]).handler,
      noDuplicatesHandler,
      http.post(`${API}/leads`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        if (body.phone === '12') {
          return problem(422, 'The request has invalid fields.', { phone: ['Not a valid phone number.'] });
        }
        return json(makeLead({ id: 77, ...body }), { status: 201, headers: { ETag: '"v1"' } });
      }),
      http.get(`${API}/leads/77`, () => json(makeLead({ id: 77, name: '王磊' }), { headers: { ETag: '"v1"' } })),
      http.get(`${API}/leads/77/follow-ups`, () => json({ items: [], next_cursor: null })),
    );
    const { router, user } = renderApp('/leads', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'New lead' }));
    const drawer = await screen.findByRole('dialog');
    await user.type(within(drawer).getByLabelText('Name'), '王磊');
    await user.type(within(drawer).getByLabelText('Company'), '苏州泵业');
    await user.type(within(drawer).getByLabelText('Phone'), '12');
    await user.click(within(drawer).getByRole('button', { name: 'Create lead' }));

    const phone = within(drawer).getByLabelText('Phone');
    const item = phone.closest('.ant-form-item')!;
    expect(await within(item as HTMLElement).findByText('Not a valid phone number.')).toBeInTheDocument();
    expect(bodies[0]).toEqual({ name: '王磊', company_name: '苏州泵业', phone: '12', source: 'other' });

    await user.clear(phone);
    await user.type(phone, '138 0013 8000');
    await user.click(within(drawer).getByRole('button', { name: 'Create lead' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/leads/77'));
    expect(bodies[1]).toMatchObject({ phone: '138 0013 8000' });
  });

  it('warns in Chinese that the lead may exist already, by company and name, before it is saved', async () => {
    await i18n.changeLanguage('zh-CN');
    const checks: URLSearchParams[] = [];
    server.use(
      leadsHandler([{ items: [makeLead()], next_cursor: null }]).handler,
      http.get(`${API}/duplicates/check`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        checks.push(params);
        return json({ items: params.get('company_name') ? [{ id: 31, label: '王磊（苏州泵业）', rule: 'name', score: 95 }] : [] });
      }),
    );
    const { user } = renderApp('/leads', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: '新建线索' }));
    const drawer = await screen.findByRole('dialog');
    await user.type(within(drawer).getByLabelText('姓名'), '王磊');
    await user.type(within(drawer).getByLabelText('公司'), '苏州泵业');

    const warning = await within(drawer).findByRole('status');
    expect(warning).toHaveTextContent('可能与 1 条已有记录重复：');
    expect(warning).toHaveTextContent('王磊（苏州泵业） （名称相近，相似度 95%）');
    expect(within(warning).getByRole('link', { name: '王磊（苏州泵业）' })).toHaveAttribute('href', '/leads/31');
    expect(checks.at(-1)?.toString()).toBe(new URLSearchParams({ entity: 'leads', name: '王磊', company_name: '苏州泵业' }).toString());
  });

  it('shows cards instead of a table on a phone, and filters in a drawer', async () => {
    setViewportWidth(390);
    server.use(leadsHandler([{ items: [makeLead({ name: 'On the phone' })], next_cursor: null }]).handler);
    const { user } = renderApp('/leads', { user: users.sales });
    const card = await screen.findByRole('link', { name: /On the phone/ });
    expect(card.closest('li')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Filters/ }));
    expect(await screen.findByRole('dialog', { name: 'Filters' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open navigation' })).toBeInTheDocument();
  });

  it('says when the browser is offline', async () => {
    server.use(leadsHandler([{ items: [makeLead({ name: 'Cached lead' })], next_cursor: null }]).handler);
    renderApp('/leads', { user: users.sales });
    await screen.findByRole('link', { name: 'Cached lead' });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(await screen.findByText('You are offline')).toBeInTheDocument();
    onLine.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(screen.queryByText('You are offline')).not.toBeInTheDocument());
  });

  it('hides the create button from service staff', async () => {
    server.use(leadsHandler([{ items: [makeLead()], next_cursor: null }]).handler);
    renderApp('/leads', { user: users.service });
    await screen.findByRole('link', { name: /Lead/ });
    expect(screen.queryByRole('button', { name: 'New lead' })).not.toBeInTheDocument();
  });
});
