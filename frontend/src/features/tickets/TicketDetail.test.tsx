import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { API, json, makeComment, makeCompany, makeContact, makeOrder, makeTicket, noAttachmentsHandler, problem, users } from '../../test/fixtures';
import { dayjs } from '../../lib/dates';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { TICKET_TRANSITIONS } from './ticket-options';
import type { Company, Contact, Order } from '../../api/types';
import type { Ticket, TicketComment, TicketStatus, UploadLink } from './types';

/** A ticket on the mocked server, with ETags that change on every save like the real one. */
function ticketOnServer(initial: Ticket, comments: TicketComment[] = [], derive: (ticket: Ticket) => Ticket = (ticket) => ticket) {
  let ticket = { ...initial };
  let version = 1;
  const patches: { ifMatch: string | null; body: Record<string, unknown> }[] = [];
  const posted: Record<string, unknown>[] = [];
  const etag = () => `"v${version}"`;
  const handlers = [
    http.get(`${API}/tickets/${ticket.id}`, () => json(ticket, { headers: { ETag: etag() } })),
    http.patch(`${API}/tickets/${ticket.id}`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      const ifMatch = request.headers.get('If-Match');
      patches.push({ ifMatch, body });
      if (ifMatch !== etag()) return problem(412, 'The record was changed by someone else; reload it and try again.');
      const status = body.status as TicketStatus | undefined;
      if (status && !TICKET_TRANSITIONS[ticket.status].includes(status)) {
        return problem(409, `A ticket cannot go from ${ticket.status} to ${status}.`, { status: ['Not allowed.'] });
      }
      ticket = derive({ ...ticket, ...body });
      version += 1;
      return json(ticket, { headers: { ETag: etag() } });
    }),
    http.get(`${API}/tickets/${ticket.id}/comments`, () => json({ items: comments, next_cursor: null })),
    http.post(`${API}/tickets/${ticket.id}/comments`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      posted.push(body);
      const comment = makeComment({ ticket_id: ticket.id, body: String(body.body), visibility: body.visibility as 'internal' });
      comments = [...comments, comment];
      return json(comment, { status: 201 });
    }),
  ];
  return {
    handlers,
    patches,
    posted,
    changeElsewhere(patch: Partial<Ticket>) {
      ticket = { ...ticket, ...patch };
      version += 1;
    },
  };
}

async function statusOptions(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('combobox', { name: 'Status' }));
  const listbox = await screen.findByRole('listbox');
  return within(listbox)
    .getAllByRole('option')
    .map((option) => option.textContent);
}

describe('TicketDetail', () => {
  beforeEach(() => server.use(noAttachmentsHandler));

  it('shows both SLA clocks of a new ticket: first response and resolution', async () => {
    const now = dayjs();
    const ticket = makeTicket({
      subject: 'Oil leaking',
      priority: 'urgent',
      first_response_due_at: now.add(1, 'hour').add(1, 'minute').toISOString(),
      resolution_due_at: now.add(4, 'hour').add(1, 'minute').toISOString(),
    });
    server.use(...ticketOnServer(ticket).handlers);
    renderApp(`/tickets/${ticket.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'Oil leaking' });
    expect(screen.getByText('Response due in 1 h')).toBeInTheDocument();
    expect(screen.getByText('Resolution due in 4 h')).toBeInTheDocument();
  });

  it('says in the header when the customer replied, until the ticket waits on the customer again', async () => {
    const ticket = makeTicket({
      subject: 'Photos sent',
      status: 'open',
      first_responded_at: dayjs().subtract(1, 'day').toISOString(),
      customer_replied_at: dayjs().subtract(2, 'hour').toISOString(),
    });
    // Like the API: moving the ticket to waiting_on_customer answers the reply.
    const remote = ticketOnServer(ticket, [], (changed) =>
      changed.status === 'waiting_on_customer' ? { ...changed, customer_replied_at: null } : changed,
    );
    server.use(...remote.handlers);
    const { user } = renderApp(`/tickets/${ticket.id}`, { user: users.service });
    const heading = (await screen.findByRole('heading', { name: 'Photos sent' })).closest('.ticket-heading') as HTMLElement;
    expect(within(heading).getByText('Customer replied 2 h ago')).toBeInTheDocument();

    await statusOptions(user);
    await user.click(await screen.findByTitle('Waiting on customer'));
    await waitFor(() => expect(within(heading).queryByText(/Customer replied/)).not.toBeInTheDocument());
  });

  it('offers only the allowed moves for each status', async () => {
    // The current status first (as a tag), then the moves the API allows from it.
    const expected: Record<TicketStatus, string[]> = {
      new: ['New', 'Open (work on it)', 'Waiting on customer', 'Resolve', 'Close'],
      open: ['Open', 'Waiting on customer', 'Resolve', 'Close'],
      waiting_on_customer: ['Waiting on customer', 'Open (work on it)', 'Resolve', 'Close'],
      resolved: ['Resolved', 'Open (work on it)', 'Close'],
      closed: ['Closed', 'Open (work on it)'],
    };
    for (const [status, options] of Object.entries(expected)) {
      const ticket = makeTicket({ status: status as TicketStatus, subject: `Status ${status}` });
      server.use(...ticketOnServer(ticket).handlers);
      const { user, unmount } = renderApp(`/tickets/${ticket.id}`, { user: users.service });
      await screen.findByRole('heading', { name: `Status ${status}` });
      expect(await statusOptions(user)).toEqual(options);
      unmount();
    }
  });

  it('moves the status with If-Match, and offers a reload after a conflict (412)', async () => {
    const ticket = makeTicket({ status: 'new', subject: 'Pump leaking' });
    const remote = ticketOnServer(ticket);
    server.use(...remote.handlers);
    const { user } = renderApp(`/tickets/${ticket.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'Pump leaking' });

    await statusOptions(user);
    await user.click(await screen.findByTitle('Resolve'));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { status: 'resolved' } }]));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: 'Status' }).closest('.ant-select')!;
    await waitFor(() => expect(select).toHaveTextContent('Resolved'));

    // From resolved: reopen or close only.
    expect(await statusOptions(user)).toEqual(['Resolved', 'Open (work on it)', 'Close']);
    remote.changeElsewhere({ status: 'closed' });
    await user.click(await screen.findByTitle('Close'));
    expect(await screen.findByText('This ticket was changed by someone else')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload ticket' }));
    await waitFor(() => expect(select).toHaveTextContent('Closed'));
    expect(screen.queryByText('This ticket was changed by someone else')).not.toBeInTheDocument();
  });

  it('shows internal notes, replies and what the customer sent, and adds a reply', async () => {
    const ticket = makeTicket({ subject: 'Pump leaking' });
    const remote = ticketOnServer(ticket, [
      makeComment({ body: 'Ask engineering about the seal', visibility: 'internal' }),
      makeComment({ body: 'We are looking into it', visibility: 'customer' }),
      makeComment({
        body: 'Photos attached',
        visibility: 'customer',
        author_id: null,
        author_name: null,
        author_kind: 'customer',
        upload_link_id: 3,
      }),
    ]);
    server.use(...remote.handlers);
    const { user } = renderApp(`/tickets/${ticket.id}`, { user: users.service });

    const list = await screen.findByRole('list', { name: 'Conversation' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[0]).getByText('Internal')).toBeInTheDocument();
    expect(within(items[1]).getByText('Visible to customer')).toBeInTheDocument();
    expect(within(items[2]).getByText('Customer')).toBeInTheDocument();
    expect(within(items[2]).getByText('Customer (upload link)')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /Reply to customer/ }));
    expect(screen.getByText('The customer can see this reply.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Text' }), 'A technician comes on Monday');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(remote.posted).toEqual([{ body: 'A technician comes on Monday', visibility: 'customer' }]));
    expect(await screen.findByText('A technician comes on Monday')).toBeInTheDocument();
  });

  it('makes an upload link to copy or scan, and lists and revokes the links', async () => {
    const ticket = makeTicket({ subject: 'Pump leaking' });
    const url = 'http://crm.example.com/u/tok-abcdefghijklmnopqrstuvwxyz';
    const issued: UploadLink = {
      id: 4,
      ticket_id: ticket.id,
      expires_at: '2026-03-05T08:00:00+00:00',
      max_files: 10,
      max_total_bytes: 500 * 1024 * 1024,
      files_used: 0,
      bytes_used: 0,
      created_at: '2026-03-02T08:00:00+00:00',
      revoked_at: null,
      active: true,
    };
    let links: UploadLink[] = [{ ...issued, id: 3, files_used: 2, bytes_used: 3 * 1024 * 1024 }];
    const bodies: unknown[] = [];
    const revoked: string[] = [];
    server.use(
      ...ticketOnServer(ticket).handlers,
      http.get(`${API}/tickets/${ticket.id}/upload-links`, () => json({ items: links, next_cursor: null })),
      http.post(`${API}/tickets/${ticket.id}/upload-links`, async ({ request }) => {
        bodies.push(await request.json());
        links = [issued, ...links];
        return json({ ...issued, url, token: 'tok-abcdefghijklmnopqrstuvwxyz' }, { status: 201 });
      }),
      http.delete(`${API}/upload-links/:id`, ({ params }) => {
        revoked.push(String(params.id));
        links = links.map((link) => (String(link.id) === params.id ? { ...link, active: false, revoked_at: '2026-03-02T09:00:00+00:00' } : link));
        return new Response(null, { status: 204 });
      }),
    );
    const { user } = renderApp(`/tickets/${ticket.id}`, { user: users.service });
    await user.click(await screen.findByRole('button', { name: 'Request files from customer' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Request files from the customer')).toBeInTheDocument();
    expect(within(dialog).getByRole('spinbutton', { name: 'Valid for' })).toHaveValue('72');
    expect(within(dialog).getByRole('spinbutton', { name: 'Files at most' })).toHaveValue('10');
    expect(await within(dialog).findByText('2 of 10 files, 3 MB received')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));
    await waitFor(() => expect(bodies).toEqual([{ expires_in_hours: 72, max_files: 10 }]));
    expect(await within(dialog).findByRole('textbox', { name: 'Upload link' })).toHaveValue(url);
    expect(within(dialog).getByRole('img', { name: 'QR code of the upload link' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument();

    await waitFor(() => expect(within(dialog).getAllByRole('button', { name: 'Revoke' })).toHaveLength(2));
    await user.click(within(dialog).getAllByRole('button', { name: 'Revoke' })[0]);
    const confirm = (await screen.findByText('Revoke this link? It stops working at once.')).closest('.ant-popover') as HTMLElement;
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(revoked).toEqual(['4']));
    expect(await within(dialog).findByText('Revoked')).toBeInTheDocument();
  });

  it('says when the ticket does not exist', async () => {
    server.use(http.get(`${API}/tickets/404`, () => problem(404, 'No such ticket.')));
    renderApp('/tickets/404', { user: users.service });
    expect(await screen.findByText('This ticket does not exist or you cannot see it.')).toBeInTheDocument();
  });
});

const suzhou: Company = makeCompany({ id: 11, name: 'Suzhou Hengli Pumps', industry: 'Manufacturing', phone: '+8651265001234' });
const hangzhou: Company = makeCompany({ id: 12, name: 'Hangzhou Lvyuan Water', industry: 'Utilities', phone: null });
const chen: Contact = makeContact({ id: 21, name: 'Chen Jing', company_id: 11, title: 'Purchasing manager', phone: '+8613912345678', email: 'chen@hengli.example.com' });
const liu: Contact = makeContact({ id: 22, name: 'Liu Yang', company_id: 11, title: 'Maintenance lead', phone: null, email: null });
const zhao: Contact = makeContact({ id: 23, name: 'Zhao Min', company_id: 12, title: 'Project manager', phone: '+8615012345602', email: null });
const order: Order = makeOrder({ id: 41, number: 'SO-2026-000041', status: 'shipped', total: '12800.00', currency: 'CNY', company_id: 11, company_name: 'Suzhou Hengli Pumps', created_at: '2026-03-10T02:00:00Z' });

/** The customers on the mocked server; records the order queries the card makes. */
function customersOnServer({
  companies = [suzhou, hangzhou],
  contacts = [chen, liu, zhao],
  orders = [order],
}: { companies?: Company[]; contacts?: Contact[]; orders?: Order[] } = {}) {
  const orderQueries: string[] = [];
  const contactQueries: string[] = [];
  const handlers = [
    http.get(`${API}/companies`, () => json({ items: companies, next_cursor: null })),
    http.get(`${API}/companies/:id`, ({ params }) => {
      const company = companies.find((item) => String(item.id) === params.id);
      return company ? json(company) : problem(404, 'No such company.');
    }),
    http.get(`${API}/contacts/:id`, ({ params }) => {
      const contact = contacts.find((item) => String(item.id) === params.id);
      return contact ? json(contact) : problem(404, 'No such contact.');
    }),
    http.get(`${API}/contacts`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      contactQueries.push(query.toString());
      const companyId = Number(query.get('company_id'));
      const q = (query.get('q') ?? '').toLowerCase();
      const found = contacts.filter((contact) => contact.company_id === companyId && contact.name.toLowerCase().includes(q));
      return json({ items: found, next_cursor: null });
    }),
    http.get(`${API}/orders`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      orderQueries.push(query.toString());
      return json({ items: orders.filter((item) => item.company_id === Number(query.get('company_id'))), next_cursor: null });
    }),
  ];
  return { handlers, orderQueries, contactQueries };
}

/** The names the real API answers with the ids. */
function withNames(ticket: Ticket): Ticket {
  return {
    ...ticket,
    company_name: [suzhou, hangzhou].find((company) => company.id === ticket.company_id)?.name ?? null,
    contact_name: [chen, liu, zhao].find((contact) => contact.id === ticket.contact_id)?.name ?? null,
  };
}

function customerCard() {
  return screen.getByRole('heading', { name: 'Customer' }).closest('.ant-card') as HTMLElement;
}

describe('TicketDetail customer', () => {
  beforeEach(() => server.use(noAttachmentsHandler));

  it('changes the company and the contact with If-Match; a new company clears the old contact', async () => {
    const ticket = makeTicket({ subject: 'Pump leaking', company_id: 11, company_name: 'Suzhou Hengli Pumps', contact_id: 21, contact_name: 'Chen Jing' });
    const remote = ticketOnServer(ticket, [], withNames);
    server.use(...remote.handlers, ...customersOnServer().handlers);
    const { user } = renderApp(`/tickets/${ticket.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'Pump leaking' });

    // The company: another one, chosen from the search; the contact goes with the old company.
    await user.click(screen.getByRole('button', { name: 'Edit Company' }));
    const company = screen.getByRole('combobox', { name: 'Company' });
    await user.click(company);
    await user.click(await screen.findByTitle('Hangzhou Lvyuan Water'));
    expect(screen.getByText('Saving also removes the contact Chen Jing, who works for the current company.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { company_id: 12, contact_id: null } }]));
    const details = screen.getByRole('heading', { name: 'Details' }).closest('.ant-card') as HTMLElement;
    await waitFor(() => expect(within(details).getByRole('link', { name: 'Hangzhou Lvyuan Water' })).toBeInTheDocument());
    expect(within(customerCard()).getByRole('link', { name: 'Hangzhou Lvyuan Water' })).toHaveAttribute('href', '/companies/12');
    expect(await within(customerCard()).findByRole('link', { name: 'Zhao Min' })).toBeInTheDocument();
    expect(within(customerCard()).queryByText('Ticket contact')).not.toBeInTheDocument();

    // The contact: one of the new company's people only.
    await user.click(screen.getByRole('button', { name: 'Edit Contact' }));
    await user.click(screen.getByRole('combobox', { name: 'Contact' }));
    await waitFor(() =>
      expect([...document.querySelectorAll('.ant-select-item-option')].map((option) => option.getAttribute('title'))).toEqual(['Zhao Min']),
    );
    await user.click(await screen.findByTitle('Zhao Min'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches[1]).toEqual({ ifMatch: '"v2"', body: { contact_id: 23 } }));
    const marked = await within(customerCard()).findByText('Ticket contact');
    expect(marked.closest('li')).toHaveTextContent('Zhao Min');

    // ... and cleared again.
    await user.click(screen.getByRole('button', { name: 'Edit Contact' }));
    const field = document.querySelector('[data-field="contact_id"]') as HTMLElement;
    await user.click(within(field).getByRole('button', { name: 'Clear' }));
    await user.click(within(field).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches[2]).toEqual({ ifMatch: '"v3"', body: { contact_id: null } }));
    await waitFor(() => expect(within(customerCard()).queryByText('Ticket contact')).not.toBeInTheDocument());
  });

  it('keeps a contact without a company when the company chosen is theirs (asked of the contact)', async () => {
    const ticket = makeTicket({ subject: 'Pump leaking', company_id: null, company_name: null, contact_id: 22, contact_name: 'Liu Yang' });
    const remote = ticketOnServer(ticket, [], withNames);
    server.use(...remote.handlers, ...customersOnServer().handlers);
    const { user } = renderApp(`/tickets/${ticket.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'Pump leaking' });

    await user.click(screen.getByRole('button', { name: 'Edit Company' }));
    await user.click(screen.getByRole('combobox', { name: 'Company' }));
    await user.click(await screen.findByTitle('Suzhou Hengli Pumps'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { company_id: 11 } }]));
  });

  it("searches the company's contacts on the server as the user types", async () => {
    const ticket = makeTicket({ subject: 'Pump leaking', company_id: 11, company_name: 'Suzhou Hengli Pumps', contact_id: null, contact_name: null });
    const remote = ticketOnServer(ticket, [], withNames);
    const customers = customersOnServer();
    server.use(...remote.handlers, ...customers.handlers);
    const { user } = renderApp(`/tickets/${ticket.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'Pump leaking' });

    await user.click(screen.getByRole('button', { name: 'Edit Contact' }));
    const picker = screen.getByRole('combobox', { name: 'Contact' });
    await user.click(picker);
    await user.type(picker, 'liu');
    await waitFor(() => expect(customers.contactQueries).toContain('company_id=11&q=liu&limit=20&sort=name'));
    await waitFor(() =>
      expect([...document.querySelectorAll('.ant-select-item-option')].map((option) => option.getAttribute('title'))).toEqual(['Liu Yang']),
    );
  });

  it("shows the customer's company, contacts and recent orders", async () => {
    const ticket = makeTicket({ subject: 'Pump leaking', company_id: 11, company_name: 'Suzhou Hengli Pumps', contact_id: 22, contact_name: 'Liu Yang' });
    const customers = customersOnServer();
    server.use(...ticketOnServer(ticket).handlers, ...customers.handlers);
    renderApp(`/tickets/${ticket.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'Pump leaking' });
    const card = customerCard();

    expect(await within(card).findByRole('link', { name: 'Suzhou Hengli Pumps' })).toHaveAttribute('href', '/companies/11');
    expect(within(card).getByRole('link', { name: '+8651265001234' })).toHaveAttribute('href', 'tel:+8651265001234');
    expect(within(card).getByText('Manufacturing')).toBeInTheDocument();

    const contacts = await within(card).findByRole('list', { name: 'Contacts' });
    const people = within(contacts).getAllByRole('listitem');
    // The ticket's contact first, marked.
    expect(people[0]).toHaveTextContent('Liu Yang');
    expect(within(people[0]).getByText('Ticket contact')).toBeInTheDocument();
    expect(people[1]).toHaveTextContent('Chen Jing');
    expect(people[1]).toHaveTextContent('Purchasing manager');
    expect(within(people[1]).getByRole('link', { name: '+8613912345678' })).toHaveAttribute('href', 'tel:+8613912345678');
    expect(within(people[1]).getByRole('link', { name: 'chen@hengli.example.com' })).toHaveAttribute('href', 'mailto:chen@hengli.example.com');

    const orders = await within(card).findByRole('list', { name: 'Recent orders' });
    const [row] = within(orders).getAllByRole('listitem');
    expect(within(row).getByRole('link', { name: 'SO-2026-000041' })).toHaveAttribute('href', '/orders/41');
    expect(row).toHaveTextContent('Shipped');
    expect(row).toHaveTextContent(/12,800\.00/);
    expect(customers.orderQueries).toEqual(['company_id=11&limit=5&sort=-created_at']);
  });

  it('says when the ticket has no company, or the company no contacts or orders', async () => {
    const none = makeTicket({ subject: 'No customer yet' });
    server.use(...ticketOnServer(none).handlers);
    const { unmount } = renderApp(`/tickets/${none.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'No customer yet' });
    expect(within(customerCard()).getByText('No company on this ticket yet')).toBeInTheDocument();
    expect(within(customerCard()).getByText(/Set the company under Details/)).toBeInTheDocument();
    // No company, no contact to choose yet.
    expect(screen.getByText('Choose the company first')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Contact' })).not.toBeInTheDocument();
    unmount();

    const quiet = makeTicket({ subject: 'Quiet customer', company_id: 12, company_name: 'Hangzhou Lvyuan Water' });
    server.use(...ticketOnServer(quiet).handlers, ...customersOnServer({ contacts: [], orders: [] }).handlers);
    renderApp(`/tickets/${quiet.id}`, { user: users.service });
    await screen.findByRole('heading', { name: 'Quiet customer' });
    expect(await within(customerCard()).findByText('No contacts you can see at this company.')).toBeInTheDocument();
    expect(await within(customerCard()).findByText('No sales orders yet.')).toBeInTheDocument();
  });

  it('says calmly when the user cannot see the company', async () => {
    const ticket = makeTicket({ subject: 'Colleague customer', company_id: 99, company_name: 'Someone Else Ltd' });
    server.use(...ticketOnServer(ticket).handlers, ...customersOnServer().handlers);
    renderApp(`/tickets/${ticket.id}`, { user: users.sales });
    await screen.findByRole('heading', { name: 'Colleague customer' });
    expect(await within(customerCard()).findByText('You cannot see this company')).toBeInTheDocument();
    expect(within(customerCard()).getByText('Someone Else Ltd')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(customerCard()).queryByRole('list')).not.toBeInTheDocument();
  });
});
