import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Company } from '../../api/types';
import { API, json, makeCompany, noAttachmentsHandler, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { companyPageHandlers } from './customers-test-server';

/** GET /companies answers `existing` for any search, and records the searches; POST creates. */
function companiesOnServer(existing: Company[] = []) {
  const searches: URLSearchParams[] = [];
  const created: Record<string, unknown>[] = [];
  server.use(
    noAttachmentsHandler,
    ...companyPageHandlers(40),
    http.get(`${API}/companies`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      searches.push(params);
      return json({ items: params.get('q') ? existing : [], next_cursor: null });
    }),
    http.post(`${API}/companies`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      created.push(body);
      const company = makeCompany({ id: 40, industry: null, size: null, ...body, phone: '+862155551234' });
      return json(company, { status: 201, headers: { ETag: '"v1"' } });
    }),
  );
  return { searches, created };
}

describe('CompanyList', () => {
  beforeEach(() => server.resetHandlers());

  it('creates a company and opens it', async () => {
    const remote = companiesOnServer();
    const { user, router } = renderApp('/companies', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'New company' }));
    const drawer = await screen.findByRole('dialog');
    await user.type(within(drawer).getByLabelText('Name'), ' Shanghai Pump Works ');
    await user.type(within(drawer).getByLabelText('Phone'), '021 5555 1234');
    await user.type(within(drawer).getByLabelText('Website'), 'pumps.example.cn');
    await user.click(within(drawer).getByRole('button', { name: 'Create company' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/companies/40'));
    // Blank fields are left out; a sales rep's new company is their own (no owner_id sent).
    expect(remote.created).toEqual([{ name: 'Shanghai Pump Works', phone: '021 5555 1234', website: 'pumps.example.cn' }]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Shanghai Pump Works' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '+862155551234' })).toHaveAttribute('href', 'tel:+862155551234');
  });

  it('warns, without blocking, that companies with the same name exist', async () => {
    const hengli = makeCompany({ id: 11, name: 'Suzhou Hengli Pumps' });
    const remote = companiesOnServer([hengli]);
    const { user, router } = renderApp('/companies', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'New company' }));
    const drawer = await screen.findByRole('dialog');
    await user.type(within(drawer).getByLabelText('Name'), 'Suzhou Hengli Pumps');

    const warning = await within(drawer).findByRole('status');
    expect(warning).toHaveTextContent('A company with a similar name already exists:');
    expect(within(warning).getByRole('link', { name: 'Suzhou Hengli Pumps' })).toHaveAttribute('href', '/companies/11');
    // One search, once typing stopped.
    const nameSearches = remote.searches.filter((params) => params.get('q'));
    expect(nameSearches.map((params) => [params.get('q'), params.get('limit')])).toEqual([['Suzhou Hengli Pumps', '5']]);

    await user.click(within(drawer).getByRole('button', { name: 'Create company' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/companies/40'));
  });

  it('shows service staff no way to create a company', async () => {
    companiesOnServer();
    renderApp('/companies', { user: users.service });
    expect(await screen.findByText('No companies yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New company' })).not.toBeInTheDocument();
  });
});
