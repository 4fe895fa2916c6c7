import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { API, json, makeCompany, makeContact, makeTicket, noAttachmentsHandler, noDuplicatesHandler, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { setViewportWidth } from '../../test/viewport';
import { companyPageHandlers, field, recordOnServer } from './customers-test-server';

describe('CompanyDetail', () => {
  beforeEach(() => server.use(noAttachmentsHandler, noDuplicatesHandler, ...companyPageHandlers(5)));

  it('saves an edited field with If-Match, then with the new ETag', async () => {
    const remote = recordOnServer('companies', makeCompany({ id: 5, name: 'Suzhou Hengli Pumps', industry: 'Pumps' }));
    server.use(...remote.handlers);
    const { user } = renderApp('/companies/5', { user: users.sales });

    await user.click(await screen.findByRole('button', { name: 'Edit Industry' }));
    const input = screen.getByLabelText('Industry');
    expect(input).toHaveValue('Pumps');
    await user.clear(input);
    await user.type(input, 'Valves{Enter}');
    await waitFor(() => expect(within(field('industry')).getByText('Valves')).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Edit Industry' }));
    await user.clear(screen.getByLabelText('Industry'));
    await user.click(within(field('industry')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches).toHaveLength(2));
    expect(remote.patches).toEqual([
      { ifMatch: '"v1"', body: { industry: 'Valves' } },
      { ifMatch: '"v2"', body: { industry: null } }, // blank means "none"
    ]);
  });

  it('warns while a new phone is typed that another company has it, and still saves', async () => {
    const remote = recordOnServer('companies', makeCompany({ id: 5, name: 'Suzhou Hengli Pumps', phone: '+862155551234' }));
    const checks: string[] = [];
    server.use(
      ...remote.handlers,
      http.get(`${API}/duplicates/check`, ({ request }) => {
        checks.push(new URL(request.url).search);
        return json({ items: [{ id: 9, label: 'Hengli Valves', rule: 'phone', score: 100 }] });
      }),
    );
    const { user } = renderApp('/companies/5', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Edit Phone' }));
    // The current value is not checked: only a new one.
    await user.clear(screen.getByLabelText('Phone'));
    await user.type(screen.getByLabelText('Phone'), '021 6666 0000');

    const warning = await within(field('phone')).findByRole('status');
    expect(warning).toHaveTextContent('Hengli Valves (same phone, 100% match)');
    expect(within(warning).getByRole('link', { name: 'Hengli Valves' })).toHaveAttribute('href', '/companies/9');
    expect(checks).toEqual(['?entity=companies&phone=021%206666%200000&exclude_id=5']);
    await user.click(within(field('phone')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { phone: '021 6666 0000' } }]));
  });

  it('says that someone else changed the company (412), keeps what was typed, and reloads', async () => {
    const remote = recordOnServer('companies', makeCompany({ id: 5, name: 'Old name', industry: 'Pumps' }));
    server.use(...remote.handlers);
    const { user } = renderApp('/companies/5', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Edit Name' }));
    remote.changeElsewhere({ industry: 'Valves' });
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'New name{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this record');
    expect(screen.getByLabelText('Name')).toHaveValue('New name');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(within(field('industry')).getByText('Valves')).toBeInTheDocument();

    await user.click(within(field('name')).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'New name' })).toBeInTheDocument();
    expect(remote.patches.at(-1)).toEqual({ ifMatch: '"v2"', body: { name: 'New name' } });
  });

  it('puts the server\'s phone error under the phone and keeps the editor open', async () => {
    const remote = recordOnServer('companies', makeCompany({ id: 5 }));
    server.use(...remote.handlers);
    const { user } = renderApp('/companies/5', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Edit Phone' }));
    await user.clear(screen.getByLabelText('Phone'));
    await user.type(screen.getByLabelText('Phone'), '12{Enter}');
    expect(await within(field('phone')).findByText('Not a valid phone number.')).toBeInTheDocument();
    expect(screen.getByLabelText('Phone')).toHaveValue('12');
  });

  it('adds a contact with the company filled in, and opens it', async () => {
    const company = makeCompany({ id: 5, name: 'Suzhou Hengli Pumps' });
    const created: Record<string, unknown>[] = [];
    server.use(
      ...recordOnServer('companies', company).handlers,
      http.get(`${API}/companies`, () => json({ items: [company], next_cursor: null })),
      http.post(`${API}/contacts`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        created.push(body);
        return json(makeContact({ id: 70, ...body }), { status: 201, headers: { ETag: '"v1"' } });
      }),
      http.get(`${API}/contacts/70/follow-ups`, () => json({ items: [], next_cursor: null })),
    );
    const { user, router } = renderApp('/companies/5', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Add contact' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByLabelText('Company').closest('.ant-select')).toHaveTextContent('Suzhou Hengli Pumps');
    await user.type(within(drawer).getByLabelText('Name'), 'Zhao Min');
    await user.type(within(drawer).getByLabelText('Job title'), 'Buyer{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/contacts/70'));
    expect(created).toEqual([{ name: 'Zhao Min', company_id: 5, title: 'Buyer' }]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Zhao Min' })).toBeInTheDocument();
    expect(within(field('company_id')).getByRole('link', { name: 'Suzhou Hengli Pumps' })).toHaveAttribute('href', '/companies/5');
  });

  it("lists the company's latest tickets, newest first, linking to them", async () => {
    const queries: URLSearchParams[] = [];
    const leak = makeTicket({ id: 7, subject: '水泵漏油 Pump leaking', status: 'waiting_on_customer', priority: 'urgent', company_id: 5 });
    server.use(
      ...recordOnServer('companies', makeCompany({ id: 5, name: 'Suzhou Hengli Pumps' })).handlers,
      http.get(`${API}/tickets`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return json({ items: [leak], next_cursor: 'more' });
      }),
    );
    renderApp('/companies/5', { user: users.service });

    const card = (await screen.findByRole('heading', { name: 'Service tickets' })).closest('.ant-card') as HTMLElement;
    const link = await within(card).findByRole('link', { name: '#7 水泵漏油 Pump leaking' });
    expect(link).toHaveAttribute('href', '/tickets/7');
    expect(within(card).getByText('Waiting on customer')).toBeInTheDocument();
    expect(within(card).getByText('Urgent')).toBeInTheDocument();
    expect(within(card).getByText('The latest 10 tickets are shown; all of them are in Tickets.')).toBeInTheDocument();
    expect(Object.fromEntries(queries[0])).toEqual({ company_id: '5', limit: '10', sort: '-created_at' });
    expect(within(card).getByRole('link', { name: 'All tickets' })).toHaveAttribute('href', '/tickets?company=5');
    expect(within(card).getByRole('link', { name: 'New ticket' })).toHaveAttribute('href', '/tickets?company=5&new=1');
  });

  it('says when the company has no tickets', async () => {
    server.use(...recordOnServer('companies', makeCompany({ id: 5 })).handlers);
    renderApp('/companies/5', { user: users.service });
    expect(await screen.findByText('No tickets for this customer.')).toBeInTheDocument();
  });

  it('shows service staff the company without any way to change it', async () => {
    server.use(...recordOnServer('companies', makeCompany({ id: 5, name: 'Read only' })).handlers);
    renderApp('/companies/5', { user: users.service });
    expect(await screen.findByRole('heading', { level: 2, name: 'Read only' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add contact' })).not.toBeInTheDocument();
  });

  it('stacks the details above the timeline on a phone', async () => {
    setViewportWidth(390);
    server.use(...recordOnServer('companies', makeCompany({ id: 5 })).handlers);
    renderApp('/companies/5', { user: users.sales });
    await screen.findByRole('button', { name: 'Edit Phone' });
    expect(document.querySelectorAll('.company-detail-page .ant-col-xs-24')).toHaveLength(2);
  });
});
