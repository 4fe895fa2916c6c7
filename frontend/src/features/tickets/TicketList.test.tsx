import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayjs } from '../../lib/dates';
import { API, json, makeCompany, makeContact, makeTicket, noAttachmentsHandler, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { setViewportWidth } from '../../test/viewport';
import type { Ticket } from './types';

function ticketsHandler(pages: { items: Ticket[]; next_cursor: string | null }[]) {
  const requests: URLSearchParams[] = [];
  const handler = http.get(`${API}/tickets`, async ({ request }) => {
    const params = new URL(request.url).searchParams;
    requests.push(params);
    await delay(10);
    const page = params.get('cursor') ? pages[Number(params.get('cursor'))] : pages[0];
    return json(page ?? { items: [], next_cursor: null });
  });
  return { handler, requests };
}

const hengli = makeCompany({ id: 11, name: 'Suzhou Hengli Pumps' });
const lvyuan = makeCompany({ id: 12, name: 'Hangzhou Lvyuan Water' });

/**
 * The filter bar's company picker: it searches as the user types (nothing matches an empty search,
 * so a chosen company can only be named by the list's own look-up), and the list names the company
 * it is filtered to.
 */
const companyHandlers = [
  http.get(`${API}/companies`, ({ request }) => {
    const q = new URL(request.url).searchParams.get('q');
    return json({ items: q ? [hengli, lvyuan].filter((company) => company.name.includes(q)) : [], next_cursor: null });
  }),
  ...[hengli, lvyuan].map((company) => http.get(`${API}/companies/${company.id}`, () => json(company))),
];

/** The company control (antd's Select around its search input) of the filter bar, or of the phone's filter drawer. */
function companyFilter(container: HTMLElement = screen.getByRole('search', { name: 'Ticket filters' })) {
  return within(container).getByRole('combobox', { name: 'Company' }).closest('.ant-select') as HTMLElement;
}

// Rows are built when the file loads; the texts below allow for a slow run ("10 min ago" may be 11).
const now = dayjs();
const overdue = makeTicket({
  subject: '水泵漏油',
  priority: 'urgent',
  status: 'new',
  company_name: '苏州泵业',
  first_response_due_at: now.subtract(2, 'hour').toISOString(),
  resolution_due_at: now.add(2, 'hour').toISOString(),
  sla_breached: true,
  assignee_id: 6,
  assignee_name: 'Wang Fang',
});
const answered = makeTicket({
  subject: 'Invoice question',
  kind: 'inquiry',
  status: 'open',
  first_responded_at: now.subtract(30, 'minute').toISOString(),
  resolution_due_at: now.add(5, 'hour').add(1, 'minute').toISOString(),
});
const lateButAnswered = makeTicket({
  subject: 'Late answer',
  status: 'open',
  first_responded_at: now.subtract(1, 'hour').toISOString(),
  resolution_due_at: now.add(3, 'day').toISOString(),
  sla_breached: true,
});
const waiting = makeTicket({
  subject: 'Photos requested',
  status: 'waiting_on_customer',
  first_responded_at: now.subtract(1, 'day').toISOString(),
  sla_paused_at: now.subtract(1, 'day').toISOString(),
  resolution_due_at: now.subtract(20, 'hour').toISOString(),
});
const closed = makeTicket({ subject: 'Old feedback', kind: 'feedback', status: 'closed', priority: 'low' });
const replied = makeTicket({
  subject: 'Photos sent',
  status: 'open',
  first_responded_at: now.subtract(1, 'day').toISOString(),
  customer_replied_at: now.subtract(10, 'minute').toISOString(),
});

describe('TicketList', () => {
  beforeEach(() => server.use(...companyHandlers));

  it('shows the tickets with status, priority and SLA badges (paused while waiting), breached ones highlighted', async () => {
    server.use(
      ticketsHandler([{ items: [overdue, answered, lateButAnswered, waiting, closed], next_cursor: null }]).handler,
    );
    renderApp('/tickets', { user: users.service });

    const row = (await screen.findByRole('link', { name: '水泵漏油' })).closest('tr')!;
    expect(row).toHaveClass('ticket-row-breached');
    expect(within(row).getByText('New')).toBeInTheDocument();
    expect(within(row).getByText('Urgent')).toBeInTheDocument();
    expect(within(row).getByText('Response overdue by 2 h')).toBeInTheDocument();
    expect(within(row).getByText('Wang Fang (me)')).toBeInTheDocument();
    expect(within(row).getByText(/苏州泵业/)).toBeInTheDocument();

    const open = screen.getByRole('link', { name: 'Invoice question' }).closest('tr')!;
    expect(open).not.toHaveClass('ticket-row-breached');
    expect(within(open).getByText('Resolution due in 5 h')).toBeInTheDocument();
    expect(within(open).getByText('Unassigned')).toBeInTheDocument();

    const late = screen.getByRole('link', { name: 'Late answer' }).closest('tr')!;
    expect(within(late).getByText('Resolution due in 3 days')).toBeInTheDocument();
    expect(within(late).getByText('SLA breached')).toBeInTheDocument();

    // Waiting on the customer: the resolution clock stands still, whatever its due time says.
    const paused = screen.getByRole('link', { name: 'Photos requested' }).closest('tr')!;
    expect(within(paused).getByText('SLA paused')).toBeInTheDocument();
    expect(within(paused).queryByText(/due in|overdue|breached/)).not.toBeInTheDocument();

    const done = screen.getByRole('link', { name: 'Old feedback' }).closest('tr')!;
    expect(within(done).getByText('Closed')).toBeInTheDocument();
    expect(within(done).queryByText(/due in|overdue/)).not.toBeInTheDocument();
    expect(screen.getByText('All 5 tickets shown')).toBeInTheDocument();
  });

  it('marks the tickets the customer replied to, with how long ago', async () => {
    server.use(ticketsHandler([{ items: [replied, answered], next_cursor: null }]).handler);
    renderApp('/tickets', { user: users.service });

    const row = (await screen.findByRole('link', { name: 'Photos sent' })).closest('tr')!;
    expect(within(row).getByText(/^Customer replied 1\d min ago$/)).toBeInTheDocument();
    const other = screen.getByRole('link', { name: 'Invoice question' }).closest('tr')!;
    expect(within(other).queryByText(/Customer replied/)).not.toBeInTheDocument();
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const { handler, requests } = ticketsHandler([{ items: [answered], next_cursor: null }]);
    server.use(handler);
    renderApp('/tickets?q=leak&status=new,open&priority=urgent,high&kind=complaint&assignee=me&breached=1&replied=1&sort=resolution_due_at', {
      user: users.service,
    });
    await screen.findByRole('link', { name: 'Invoice question' });
    const params = requests[0];
    expect(params.get('q')).toBe('leak');
    expect(params.get('status')).toBe('new,open');
    expect(params.get('priority')).toBe('urgent,high');
    expect(params.get('kind')).toBe('complaint');
    expect(params.get('assignee_id')).toBe('me');
    expect(params.get('sla_breached')).toBe('true');
    expect(params.get('customer_replied')).toBe('true');
    expect(params.get('sort')).toBe('resolution_due_at');
    expect(screen.getByRole('checkbox', { name: 'SLA breached only' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Customer replied only' })).toBeChecked();
  });

  it('puts changed filters into the URL and asks again', async () => {
    const { handler, requests } = ticketsHandler([{ items: [answered], next_cursor: null }]);
    server.use(handler);
    const { router, user } = renderApp('/tickets', { user: users.service });
    await screen.findByRole('link', { name: 'Invoice question' });

    await user.click(screen.getByRole('checkbox', { name: 'SLA breached only' }));
    await waitFor(() => expect(router.state.location.search).toBe('?breached=1'));
    await waitFor(() => expect(requests.at(-1)?.get('sla_breached')).toBe('true'));

    await user.click(screen.getByRole('combobox', { name: 'Assignee' }));
    await user.click(await screen.findByTitle('Unassigned'));
    await waitFor(() => expect(router.state.location.search).toBe('?assignee=none&breached=1'));
    await waitFor(() => expect(requests.at(-1)?.get('assignee_id')).toBe('none'));

    await user.click(screen.getByRole('checkbox', { name: 'Customer replied only' }));
    await waitFor(() => expect(router.state.location.search).toBe('?assignee=none&breached=1&replied=1'));
    await waitFor(() => expect(requests.at(-1)?.get('customer_replied')).toBe('true'));
  });

  it('loads more with the cursor', async () => {
    const { handler, requests } = ticketsHandler([
      { items: [overdue], next_cursor: '1' },
      { items: [closed], next_cursor: null },
    ]);
    server.use(handler);
    const { user } = renderApp('/tickets', { user: users.service });
    await screen.findByRole('link', { name: '水泵漏油' });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Old feedback' })).toBeInTheDocument();
    expect(requests.at(-1)?.get('cursor')).toBe('1');
  });

  it("shows one company's tickets from the company page, named in the filter bar, and starts a new ticket with that company", async () => {
    const { handler, requests } = ticketsHandler([{ items: [answered], next_cursor: null }]);
    const posted: Record<string, unknown>[] = [];
    server.use(
      handler,
      http.get(`${API}/companies/11`, async () => {
        await delay(50);
        return json(hengli);
      }),
      http.get(`${API}/contacts`, () => json({ items: [], next_cursor: null })),
      http.post(`${API}/tickets`, async ({ request }) => {
        posted.push((await request.json()) as Record<string, unknown>);
        return json(makeTicket({ id: 77, subject: 'Seal leaking', company_id: 11 }), { status: 201 });
      }),
      http.get(`${API}/tickets/77`, () => json(makeTicket({ id: 77, subject: 'Seal leaking', company_id: 11 }))),
      http.get(`${API}/tickets/77/comments`, () => json({ items: [], next_cursor: null })),
      noAttachmentsHandler,
    );
    const { router, user } = renderApp('/tickets?company=11&new=1', { user: users.service });

    // Named by id until the company has loaded.
    await screen.findByRole('search', { name: 'Ticket filters' });
    expect(await within(companyFilter()).findByTitle('#11')).toBeInTheDocument();
    expect(await within(companyFilter()).findByTitle('Suzhou Hengli Pumps')).toBeInTheDocument();
    expect(screen.queryByText('Tickets of Suzhou Hengli Pumps')).not.toBeInTheDocument();
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByTitle('Suzhou Hengli Pumps')).toBeInTheDocument();
    expect(requests[0].get('company_id')).toBe('11');

    await user.type(within(drawer).getByLabelText('Subject'), 'Seal leaking');
    await user.click(within(drawer).getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/77'));
    expect(posted).toEqual([expect.objectContaining({ subject: 'Seal leaking', company_id: 11 })]);

    await router.navigate('/tickets?company=11&status=open');
    await waitFor(() => expect(requests.at(-1)?.get('status')).toBe('open'));
    await within(companyFilter()).findByTitle('Suzhou Hengli Pumps');
    await user.click(within(companyFilter()).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=open'));
    await waitFor(() => expect(requests.at(-1)?.get('company_id')).toBeNull());
    expect(requests.at(-1)?.get('status')).toBe('open');
    expect(within(companyFilter()).queryByTitle('Suzhou Hengli Pumps')).not.toBeInTheDocument();
  });

  it('filters by a company chosen in the filter bar, keeping the other filters', async () => {
    const { handler, requests } = ticketsHandler([{ items: [answered], next_cursor: null }]);
    server.use(handler);
    const { router, user } = renderApp('/tickets?status=open', { user: users.service });
    await screen.findByRole('link', { name: 'Invoice question' });

    await user.type(screen.getByRole('combobox', { name: 'Company' }), 'Hangzhou');
    await user.click(await screen.findByTitle('Hangzhou Lvyuan Water'));
    await waitFor(() => expect(router.state.location.search).toBe('?status=open&company=12'));
    await waitFor(() => expect(requests.at(-1)?.get('company_id')).toBe('12'));
    expect(requests.at(-1)?.get('status')).toBe('open');
    expect(await within(companyFilter()).findByTitle('Hangzhou Lvyuan Water')).toBeInTheDocument();
  });

  it('searches companies only once the company control is opened', async () => {
    const searches: string[] = [];
    server.use(
      ticketsHandler([{ items: [answered], next_cursor: null }]).handler,
      http.get(`${API}/companies`, ({ request }) => {
        searches.push(new URL(request.url).searchParams.get('q') ?? '');
        return json({ items: [hengli, lvyuan], next_cursor: null });
      }),
    );
    const { user } = renderApp('/tickets', { user: users.service });
    await screen.findByRole('link', { name: 'Invoice question' });
    expect(searches).toEqual([]);

    await user.click(screen.getByRole('combobox', { name: 'Company' }));
    expect(await screen.findByTitle('Suzhou Hengli Pumps')).toBeInTheDocument();
    expect(searches).toEqual(['']);
  });

  it("shows one contact's tickets from the contact page, and starts a new ticket with the contact and their company", async () => {
    const { handler, requests } = ticketsHandler([{ items: [answered], next_cursor: null }]);
    const posted: Record<string, unknown>[] = [];
    const zhao = makeContact({ id: 30, name: 'Zhao Min', company_id: 11 });
    const created = makeTicket({ id: 78, subject: 'Seal leaking', company_id: 11, contact_id: 30 });
    server.use(
      handler,
      http.get(`${API}/contacts/30`, async () => {
        await delay(50);
        return json(zhao);
      }),
      http.get(`${API}/contacts`, () => json({ items: [zhao], next_cursor: null })),
      http.post(`${API}/tickets`, async ({ request }) => {
        posted.push((await request.json()) as Record<string, unknown>);
        return json(created, { status: 201 });
      }),
      http.get(`${API}/tickets/78`, () => json(created)),
      http.get(`${API}/tickets/78/comments`, () => json({ items: [], next_cursor: null })),
      noAttachmentsHandler,
    );
    const { router, user } = renderApp('/tickets?contact=30&new=1', { user: users.service });

    // Named by id until the contact has loaded; the form waits for the contact's company.
    expect(await screen.findByText('Tickets of #30')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('Tickets of Zhao Min')).toBeInTheDocument();
    expect(requests[0].get('contact_id')).toBe('30');
    expect(requests[0].get('company_id')).toBeNull();

    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByTitle('Suzhou Hengli Pumps')).toBeInTheDocument();
    expect(within(drawer).getByTitle('Zhao Min')).toBeInTheDocument();
    await user.type(within(drawer).getByLabelText('Subject'), 'Seal leaking');
    await user.click(within(drawer).getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/78'));
    expect(posted).toEqual([expect.objectContaining({ subject: 'Seal leaking', company_id: 11, contact_id: 30 })]);

    await router.navigate('/tickets?contact=30');
    await user.click(await screen.findByRole('button', { name: 'All contacts' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(requests.at(-1)?.get('contact_id')).toBeNull());
    expect(screen.queryByText('Tickets of Zhao Min')).not.toBeInTheDocument();
  });

  it('says when filters match nothing', async () => {
    server.use(ticketsHandler([{ items: [], next_cursor: null }]).handler);
    renderApp('/tickets?status=closed', { user: users.service });
    expect(await screen.findByText('No tickets match this search and these filters.')).toBeInTheDocument();
  });

  it('shows cards on a phone, with the SLA and a customer reply said in words', async () => {
    setViewportWidth(390);
    server.use(ticketsHandler([{ items: [overdue, replied], next_cursor: null }]).handler);
    renderApp('/tickets', { user: users.service });
    const card = (await screen.findByText('水泵漏油')).closest('a')!;
    expect(card).toHaveAttribute('href', `/tickets/${overdue.id}`);
    expect(within(card).getByText('Response overdue by 2 h')).toBeInTheDocument();
    expect(card.querySelector('.ticket-card')).toHaveClass('breached');
    expect(within(card).queryByText(/Customer replied/)).not.toBeInTheDocument();
    const repliedCard = screen.getByText('Photos sent').closest('a')!;
    expect(within(repliedCard).getByText(/^Customer replied 1\d min ago$/)).toBeInTheDocument();
  });

  it('picks the company in the filter drawer on a phone', async () => {
    setViewportWidth(390);
    const { handler, requests } = ticketsHandler([{ items: [overdue], next_cursor: null }]);
    server.use(handler);
    const { router, user } = renderApp('/tickets?company=11', { user: users.service });
    await screen.findByText('水泵漏油');

    await user.click(screen.getByRole('button', { name: 'Filters (1 set)' }));
    const drawer = await screen.findByRole('dialog', { name: 'Filter tickets' });
    expect(await within(companyFilter(drawer)).findByTitle('Suzhou Hengli Pumps')).toBeInTheDocument();

    await user.type(within(drawer).getByRole('combobox', { name: 'Company' }), 'Hangzhou');
    await user.click(await screen.findByTitle('Hangzhou Lvyuan Water'));
    await waitFor(() => expect(router.state.location.search).toBe('?company=12'));
    await waitFor(() => expect(requests.at(-1)?.get('company_id')).toBe('12'));
  });
});
