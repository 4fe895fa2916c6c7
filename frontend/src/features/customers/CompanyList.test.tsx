import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DuplicateCandidate } from '../../components/duplicates/api';
import { API, json, makeCompany, noAttachmentsHandler, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { companyPageHandlers } from './customers-test-server';

/**
 * GET /companies lists none; GET /duplicates/check answers `existing` as possible duplicates of any
 * name and records the checks; POST creates (answering `duplicates` when given).
 */
function companiesOnServer(existing: DuplicateCandidate[] = [], { answerDuplicates = [] as DuplicateCandidate[] } = {}) {
  const checks: URLSearchParams[] = [];
  const created: Record<string, unknown>[] = [];
  server.use(
    noAttachmentsHandler,
    ...companyPageHandlers(40),
    http.get(`${API}/companies`, () => json({ items: [], next_cursor: null })),
    http.get(`${API}/duplicates/check`, ({ request }) => {
      checks.push(new URL(request.url).searchParams);
      return json({ items: existing });
    }),
    http.post(`${API}/companies`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      created.push(body);
      const company = makeCompany({ id: 40, industry: null, size: null, ...body, phone: '+862155551234' });
      return json({ ...company, duplicates: answerDuplicates }, { status: 201, headers: { ETag: '"v1"' } });
    }),
  );
  return { checks, created };
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

  it('warns, without blocking, that the company may exist already', async () => {
    const hengli: DuplicateCandidate = { id: 11, label: 'Suzhou Hengli Pumps Co., Ltd.', rule: 'name', score: 92 };
    const remote = companiesOnServer([hengli]);
    const { user, router } = renderApp('/companies', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'New company' }));
    const drawer = await screen.findByRole('dialog');
    await user.type(within(drawer).getByLabelText('Name'), 'Suzhou Hengli Pumps');

    const warning = await within(drawer).findByRole('status');
    expect(warning).toHaveTextContent('This may duplicate an existing record:');
    expect(warning).toHaveTextContent('Suzhou Hengli Pumps Co., Ltd. (similar name, 92% match)');
    expect(within(warning).getByRole('link', { name: 'Suzhou Hengli Pumps Co., Ltd.' })).toHaveAttribute('href', '/companies/11');
    expect(warning).toHaveTextContent('You can still save.');
    // One check, once typing stopped.
    expect(remote.checks.map((params) => params.toString())).toEqual(['entity=companies&name=Suzhou+Hengli+Pumps']);

    await user.click(within(drawer).getByRole('button', { name: 'Create company' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/companies/40'));
    expect(remote.created).toEqual([{ name: 'Suzhou Hengli Pumps' }]);
  });

  it('names the duplicates the server found when saving came before the check', async () => {
    const hengli: DuplicateCandidate = { id: 11, label: 'Hengli Pumps', rule: 'phone', score: 100 };
    companiesOnServer([], { answerDuplicates: [hengli] });
    server.use(
      ...companyPageHandlers(11),
      http.get(`${API}/companies/11`, () => json(makeCompany({ id: 11, name: 'Hengli Pumps' }), { headers: { ETag: '"v1"' } })),
    );
    const { user, router } = renderApp('/companies', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'New company' }));
    const drawer = await screen.findByRole('dialog');
    // Pasted and sent at once (Enter), before the typing delay: no check answered for these values.
    await user.click(within(drawer).getByLabelText('Name'));
    await user.paste('Hengli');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/companies/40'));
    const notice = await screen.findByText('Saved. It may duplicate an existing record:');
    const box = notice.closest('.ant-notification-notice') as HTMLElement;
    expect(box).toHaveTextContent('Hengli Pumps (same phone, 100% match)');
    await user.click(within(box).getByRole('link', { name: 'Hengli Pumps' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/companies/11'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Hengli Pumps' })).toBeInTheDocument();
  });

  it('shows service staff no way to create a company', async () => {
    companiesOnServer();
    renderApp('/companies', { user: users.service });
    expect(await screen.findByText('No companies yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New company' })).not.toBeInTheDocument();
  });
});
