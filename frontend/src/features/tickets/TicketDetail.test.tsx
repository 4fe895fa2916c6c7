import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { API, json, makeComment, makeTicket, noAttachmentsHandler, problem, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { TICKET_TRANSITIONS } from './ticket-options';
import type { Ticket, TicketComment, TicketStatus, UploadLink } from './types';

/** A ticket on the mocked server, with ETags that change on every save like the real one. */
function ticketOnServer(initial: Ticket, comments: TicketComment[] = []) {
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
      ticket = { ...ticket, ...body } as Ticket;
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
