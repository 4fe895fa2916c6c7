import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Company } from '../../api/types';
import { API, json, makeCompany, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { setViewportWidth } from '../../test/viewport';
import i18n from '../../i18n';
import type { DuplicateGroup, Job, Merge } from './api/types';

const acme = makeCompany({ id: 11, name: 'Acme Pumps Co., Ltd.', phone: '+862155551234', industry: 'Pumps', website: null, owner_name: 'Li Na' });
const acme2 = makeCompany({ id: 12, name: 'Acme Pumps', phone: '+862155551234', industry: 'Manufacturing', website: 'https://acme.cn', owner_id: 4, owner_name: 'Tom Baker' });

const group: DuplicateGroup = {
  key: 'companies:11-12',
  entity: 'companies',
  rule: 'phone',
  score: 100,
  records: [acme, acme2].map((company) => ({
    id: company.id,
    label: company.name,
    email: null,
    phone: company.phone,
    owner: { id: company.owner_id ?? 0, name: company.owner_name ?? '' },
    created_at: company.created_at,
  })),
};

function job(id: number, overrides: Partial<Job> = {}): Job {
  return {
    id,
    kind: 'duplicates.merge',
    status: 'queued',
    progress: 0,
    message: null,
    error_code: null,
    result: null,
    cancel_requested: false,
    attempts: 1,
    created_at: '2026-03-02T08:00:00+00:00',
    started_at: null,
    finished_at: null,
    ...overrides,
  };
}

function merge(overrides: Partial<Merge> = {}): Merge {
  return {
    id: 7,
    entity: 'companies',
    primary_id: 12,
    duplicate_ids: [11],
    moved: { follow_ups: 3, attachments: 1, contacts: 2, opportunities: 1, tickets: 0, orders: 0 },
    created_at: '2026-03-02T08:00:00+00:00',
    undo_until: '2999-04-01T08:00:00+00:00',
    undone_at: null,
    created_by: { id: 3, name: 'Li Na' },
    ...overrides,
  };
}

/** The duplicates API on the mocked server: groups until dismissed or merged, jobs that end at once. */
function duplicatesOnServer({
  groups = [group],
  companies = [acme, acme2],
  merged = merge(),
}: { groups?: DuplicateGroup[]; companies?: Company[]; merged?: Merge } = {}) {
  let current = [...groups];
  let mergeRecord = merged;
  const requests: { method: string; path: string; body?: unknown }[] = [];
  const record = (method: string, request: Request, body?: unknown) => {
    const url = new URL(request.url);
    requests.push({ method, path: `${url.pathname}${url.search}`, body });
  };
  server.use(
    http.get(`${API}/duplicates`, ({ request }) => {
      record('GET', request);
      return json({ items: current, next_cursor: null });
    }),
    http.post(`${API}/duplicates/scan`, ({ request }) => {
      record('POST', request);
      return json(job(41, { kind: 'duplicates.scan' }), { status: 202 });
    }),
    http.post(`${API}/duplicates/dismiss`, async ({ request }) => {
      record('POST', request, await request.json());
      current = [];
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${API}/companies/merge`, async ({ request }) => {
      record('POST', request, await request.json());
      current = [];
      return json(job(42), { status: 202 });
    }),
    http.get(`${API}/merges/7`, () => json(mergeRecord)),
    http.post(`${API}/merges/7/undo`, ({ request }) => {
      record('POST', request);
      mergeRecord = { ...mergeRecord, undone_at: '2026-03-03T09:00:00+00:00' };
      current = [...groups];
      return json(job(43, { kind: 'duplicates.undo' }), { status: 202 });
    }),
    http.get(`${API}/jobs/:id`, ({ params }) => {
      const id = Number(params.id);
      const result = id === 42 ? { merge_id: 7, primary_id: 12 } : {};
      return json(job(id, { status: 'succeeded', progress: 100, result, finished_at: '2026-03-02T08:00:05+00:00' }));
    }),
    ...companies.map((company) =>
      http.get(`${API}/companies/${company.id}`, ({ request }) => {
        record('GET', request);
        return json(company, { headers: { ETag: '"v1"' } });
      }),
    ),
  );
  return { requests, posts: () => requests.filter((request) => request.method === 'POST') };
}

describe('DuplicatesPage', () => {
  it('lists the groups with their rule, score and records', async () => {
    const remote = duplicatesOnServer();
    const { user, router } = renderApp('/duplicates/companies', { user: users.sales });
    const card = await screen.findByRole('group', { name: 'same phone: Acme Pumps Co., Ltd., Acme Pumps' });
    expect(card).toHaveTextContent('100% match');
    expect(card).toHaveTextContent('2 records');
    expect(within(card).getByRole('link', { name: 'Acme Pumps Co., Ltd.' })).toHaveAttribute('href', '/companies/11');
    expect(within(card).getByRole('link', { name: 'Acme Pumps' })).toHaveAttribute('href', '/companies/12');
    expect(card).toHaveTextContent('Tom Baker');

    // Another kind of record, from the switch (a radio group: arrow keys move along it).
    const kinds = screen.getByRole('radiogroup', { name: 'Records to check' });
    await user.click(within(kinds).getByRole('radio', { name: 'Leads' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/duplicates/leads'));
    await waitFor(() => expect(remote.requests.at(-1)?.path).toBe('/api/v1/duplicates?entity=leads&limit=50'));
  });

  it('says so when there are no duplicates', async () => {
    duplicatesOnServer({ groups: [] });
    renderApp('/duplicates/leads', { user: users.sales });
    expect(await screen.findByText('No duplicates found. Scan again after importing or adding records.')).toBeInTheDocument();
  });

  it('compares the records, keeps the chosen values and merges into the chosen primary', async () => {
    const remote = duplicatesOnServer();
    const { user, router } = renderApp('/duplicates/companies', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Compare and merge Acme Pumps Co., Ltd., Acme Pumps' }));
    const drawer = await screen.findByRole('dialog');
    expect(drawer).toHaveTextContent('Compare and merge');

    // The second record becomes the primary; its name stays, the first one's industry is kept.
    const primary = await within(drawer).findByRole('radiogroup', { name: 'Primary record (kept)' });
    await user.click(within(primary).getByRole('radio', { name: /Acme Pumps #12/ }));
    const industry = within(drawer).getByRole('radiogroup', { name: 'Industry' });
    expect(within(industry).getByRole('radio', { name: /Manufacturing/ })).toBeChecked();
    await user.click(within(industry).getByRole('radio', { name: /^Pumps ?\(from Acme Pumps Co., Ltd.\)/ }));
    // Only fields that differ ask for a choice; the phone is the same in both.
    expect(within(drawer).queryByRole('radiogroup', { name: 'Phone' })).not.toBeInTheDocument();
    expect(drawer).toHaveTextContent('Same in all records');
    expect(within(drawer).queryByRole('radiogroup', { name: 'Owner' })).not.toBeInTheDocument();
    expect(drawer).toHaveTextContent('OwnerTom Baker (kept from the primary record)');

    await user.click(within(drawer).getByRole('button', { name: 'Merge 1 record into the primary' }));
    await waitFor(() => expect(router.state.location.search).toBe('?merge=7'));
    expect(remote.posts()[0]).toEqual({
      method: 'POST',
      path: '/api/v1/companies/merge',
      body: {
        primary_id: 12,
        duplicate_ids: [11],
        // A sales rep does not choose the owner: the primary keeps its own.
        values: { name: 'Acme Pumps', industry: 'Pumps', website: 'https://acme.cn' },
      },
    });

    // The result: into which record, what moved, and undo.
    expect(await screen.findByText('Merged into Acme Pumps')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the merged record' })).toHaveAttribute('href', '/companies/12');
    expect(screen.getByText('Follow-ups').nextSibling).toHaveTextContent('3');
    expect(screen.getByRole('button', { name: 'Undo merge' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('No duplicates found. Scan again after importing or adding records.')).toBeInTheDocument();
    // The merged (deleted) record is not fetched again: it would answer 404.
    const merged = remote.requests.findIndex((request) => request.path === '/api/v1/companies/merge');
    expect(remote.requests.slice(merged).map((request) => request.path)).not.toContain('/api/v1/companies/11');
  });

  it('marks a group as not a duplicate', async () => {
    const remote = duplicatesOnServer();
    const { user } = renderApp('/duplicates/companies', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Not a duplicate: Acme Pumps Co., Ltd., Acme Pumps' }));
    expect(await screen.findByText('These records will not be shown as duplicates again.')).toBeInTheDocument();
    expect(remote.posts()).toEqual([{ method: 'POST', path: '/api/v1/duplicates/dismiss', body: { entity: 'companies', ids: [11, 12] } }]);
    expect(await screen.findByText('No duplicates found. Scan again after importing or adding records.')).toBeInTheDocument();
  });

  it('undoes a merge from its result', async () => {
    const remote = duplicatesOnServer();
    const { user } = renderApp('/duplicates/companies?merge=7', { user: users.sales });
    expect(await screen.findByText('Merged into Acme Pumps')).toBeInTheDocument();
    expect(screen.getByText('Merged (deleted) records: #11')).toBeInTheDocument();
    expect(screen.getByText(/^Merged by Li Na on/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo merge' }));
    expect(await screen.findByText('The merge was undone: the records are back as they were.')).toBeInTheDocument();
    expect(remote.posts()).toEqual([{ method: 'POST', path: '/api/v1/merges/7/undo', body: undefined }]);
    expect(await screen.findByText(/This merge was undone on/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo merge' })).not.toBeInTheDocument();
    // The merged records are duplicates again.
    expect(await screen.findByRole('group', { name: /same phone/ })).toBeInTheDocument();
  });

  it('shows a merge whose author is gone without a name', async () => {
    // The API answers created_by null once the user who merged was deleted.
    duplicatesOnServer({ merged: merge({ created_by: null }) });
    renderApp('/duplicates/companies?merge=7', { user: users.sales });
    expect(await screen.findByText('Merged into Acme Pumps')).toBeInTheDocument();
    expect(screen.getByText(/^Merged on/)).toBeInTheDocument();
    expect(screen.queryByText(/^Merged by/)).not.toBeInTheDocument();
  });

  it('scans for duplicates as a job and shows the groups it found', async () => {
    const remote = duplicatesOnServer({ groups: [] });
    const { user } = renderApp('/duplicates/companies', { user: users.sales });
    expect(await screen.findByText(/No duplicates found/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Scan now' }));
    expect(await screen.findByText('Scan finished.')).toBeInTheDocument();
    expect(remote.posts()).toEqual([{ method: 'POST', path: '/api/v1/duplicates/scan?entity=companies', body: undefined }]);
    // The groups were asked for again once the scan ended.
    await waitFor(() => expect(remote.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/api/v1/duplicates?'))).toHaveLength(2));
  });

  it('stacks the compare per field on a phone, in Chinese', async () => {
    setViewportWidth(390);
    await i18n.changeLanguage('zh-CN');
    duplicatesOnServer();
    const { user } = renderApp('/duplicates/companies', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: '比较并合并 Acme Pumps Co., Ltd., Acme Pumps' }));
    const drawer = await screen.findByRole('dialog');
    const industry = await within(drawer).findByRole('radiogroup', { name: '行业' });
    expect(within(industry).getByText('（来自 Acme Pumps）')).toBeVisible();
    expect(drawer.querySelector('.duplicates-compare.stacked')).not.toBeNull();
    expect(within(drawer).getByRole('button', { name: '将 1 条记录合并到主记录' })).toBeInTheDocument();
  });

  it('shows service staff the duplicates without a way to scan, merge or dismiss', async () => {
    duplicatesOnServer();
    renderApp('/duplicates/companies', { user: users.service });
    const card = await screen.findByRole('group', { name: /same phone/ });
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Scan now' })).not.toBeInTheDocument();
  });

  it('answers an unknown kind of record with not found', async () => {
    renderApp('/duplicates/tickets', { user: users.sales });
    expect(await screen.findByText('Page not found')).toBeInTheDocument();
  });
});
