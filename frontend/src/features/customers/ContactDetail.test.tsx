import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { API, json, makeCompany, makeContact, noDuplicatesHandler, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { contactPageHandlers, field, recordOnServer } from './customers-test-server';

describe('ContactDetail', () => {
  beforeEach(() => server.use(noDuplicatesHandler));

  it('moves the contact to another company picked by typing its name', async () => {
    const hengli = makeCompany({ id: 11, name: 'Suzhou Hengli Pumps' });
    const lvyuan = makeCompany({ id: 12, name: 'Hangzhou Lvyuan Water' });
    const remote = recordOnServer('contacts', makeContact({ id: 30, name: 'Zhao Min', company_id: 11 }));
    server.use(
      ...remote.handlers,
      ...[hengli, lvyuan].map((company) => http.get(`${API}/companies/${company.id}`, () => json(company))),
      http.get(`${API}/companies`, ({ request }) => {
        const q = new URL(request.url).searchParams.get('q') ?? '';
        return json({ items: [hengli, lvyuan].filter((company) => company.name.includes(q)), next_cursor: null });
      }),
      ...contactPageHandlers(30),
    );
    const { user } = renderApp('/contacts/30', { user: users.sales });
    await screen.findByRole('heading', { level: 2, name: 'Zhao Min' });
    expect(await within(field('company_id')).findByRole('link', { name: 'Suzhou Hengli Pumps' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit Company' }));
    await user.type(screen.getByRole('combobox', { name: 'Company' }), 'Hangzhou');
    await user.click(await screen.findByTitle('Hangzhou Lvyuan Water'));
    await user.click(within(field('company_id')).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { company_id: 12 } }]));
    expect(await within(field('company_id')).findByRole('link', { name: 'Hangzhou Lvyuan Water' })).toHaveAttribute('href', '/companies/12');
  });

  it("links to the contact's tickets and to a new ticket for them, also for service staff", async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      // Before contactPageHandlers, so this one answers the card's request.
      http.get(`${API}/tickets`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return json({ items: [], next_cursor: null });
      }),
      ...recordOnServer('contacts', makeContact({ id: 30, name: 'Zhao Min' })).handlers,
      ...contactPageHandlers(30),
    );
    renderApp('/contacts/30', { user: users.service });

    const card = (await screen.findByRole('heading', { name: 'Service tickets' })).closest('.ant-card') as HTMLElement;
    expect(await within(card).findByText('No tickets for this customer.')).toBeInTheDocument();
    expect(queries[0].get('contact_id')).toBe('30');
    expect(within(card).getByRole('link', { name: 'All tickets' })).toHaveAttribute('href', '/tickets?contact=30');
    expect(within(card).getByRole('link', { name: 'New ticket' })).toHaveAttribute('href', '/tickets?contact=30&new=1');
  });
});
