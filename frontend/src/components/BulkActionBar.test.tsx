import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { resetTrackedJobsForTests } from '../lib/job-tracker';
import { ignoreListDeprecation } from '../test/console';
import { API, assigneesHandler, json, makeCompany, makeContact, makeLead, makeOpportunity, pipelinesHandler, users } from '../test/fixtures';
import { jobOnServer, makeJob } from '../test/jobs';
import { renderApp } from '../test/render';
import { server } from '../test/server';
import { setViewportWidth } from '../test/viewport';

afterEach(() => resetTrackedJobsForTests());

/** The open dialog, titled `title` (antd's ids are all "test-id" under test: no accessible names). */
async function findDialog(title: string) {
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByText(title, { selector: '.ant-modal-title' })).toBeInTheDocument();
  return dialog;
}

/** POST /{resource}/bulk: records the bodies, answers `answer`. */
function bulkOnServer(resource: string, answer: () => Response) {
  const bodies: Record<string, unknown>[] = [];
  server.use(
    http.post(`${API}/${resource}/bulk`, async ({ request }) => {
      bodies.push((await request.json()) as Record<string, unknown>);
      return answer();
    }),
  );
  return bodies;
}

describe('BulkActionBar', () => {
  it('assigns an owner to the ticked companies and says which could not be changed, and why', async () => {
    let lists = 0;
    server.use(
      assigneesHandler,
      http.get(`${API}/companies`, () => {
        lists += 1;
        return json({ items: [makeCompany({ id: 1, name: 'Hengli Pumps' }), makeCompany({ id: 2, name: 'Delta Valves' })], next_cursor: null });
      }),
    );
    const bodies = bulkOnServer('companies', () =>
      json({
        counts: { ok: 1, failed: 1 },
        results: [
          { id: 1, ok: true, code: null, message: null },
          { id: 2, ok: false, code: 'not_found', message: 'No such company.' },
        ],
      }),
    );
    const { user } = renderApp('/companies', { user: users.manager });
    await user.click(await screen.findByRole('checkbox', { name: 'Select Hengli Pumps' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Delta Valves' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByRole('status')).toHaveTextContent('2 selected');
    // Every row is loaded: nothing more to select.
    expect(within(bar).queryByRole('button', { name: 'Select all records matching the filters' })).not.toBeInTheDocument();

    await user.click(within(bar).getByRole('button', { name: 'Assign owner' }));
    const dialog = await findDialog('Assign an owner');
    expect(within(dialog).getByText('For the 2 selected records.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox', { name: 'New owner' }));
    await user.click(await screen.findByTitle('Tom Baker'));
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await within(dialog).findByText('1 done, 1 failed.')).toBeInTheDocument();
    expect(within(dialog).getByText(/No such company\./)).toHaveTextContent('#2 No such company.');
    expect(bodies).toEqual([{ action: 'assign', ids: [1, 2], owner_id: 4 }]);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument());
    await waitFor(() => expect(lists).toBe(2));
  });

  it('changes the status of every lead the filters match, as a job', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      assigneesHandler,
      http.get(`${API}/leads`, ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return json({ items: [makeLead({ id: 4, name: 'Wang Lei' }), makeLead({ id: 5, name: 'Anna Schmidt' })], next_cursor: 'p2' });
      }),
    );
    const remote = jobOnServer(makeJob({ id: 30, kind: 'bulk.leads', progress: 50, message: 'Changed 300 of 600 leads.' }));
    server.use(...remote.handlers);
    const bodies = bulkOnServer('leads', () => json(makeJob({ id: 30, kind: 'bulk.leads', status: 'queued' }), { status: 202 }));
    const { user } = renderApp('/leads?status=new&q=pump', { user: users.manager });
    await user.click(await screen.findByRole('checkbox', { name: 'Select Wang Lei' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).queryByRole('button', { name: 'Select all records matching the filters' })).not.toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Select all 2 shown' }));
    expect(screen.getByRole('checkbox', { name: 'Select Anna Schmidt' })).toBeChecked();
    await user.click(within(bar).getByRole('button', { name: 'Select all records matching the filters' }));
    expect(within(bar).getByRole('status')).toHaveTextContent('All records matching the filters are selected');

    await user.click(within(bar).getByRole('button', { name: 'Change status' }));
    const dialog = await findDialog('Change the status');
    expect(within(dialog).getByText('For every record matching the list’s filters.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Change status' }));
    expect(await within(dialog).findByText('Choose a status.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox', { name: 'New status' }));
    await user.click(await screen.findByTitle('Contacted'));
    await user.click(within(dialog).getByRole('button', { name: 'Change status' }));

    expect(await within(dialog).findByText('Changed 300 of 600 leads.')).toBeInTheDocument();
    expect(bodies).toEqual([{ action: 'set_status', filters: { q: 'pump', status: ['new'] }, status: 'contacted' }]);
    remote.set({
      status: 'succeeded',
      progress: 100,
      finished_at: '2026-03-02T08:03:00+00:00',
      result: { counts: { ok: 600, failed: 0 }, results: [] },
    });
    expect(await within(dialog).findByText('600 done, 0 failed.')).toBeInTheDocument();
  });

  it('moves the ticked opportunities to a stage (their status follows it)', async () => {
    server.use(
      pipelinesHandler,
      http.get(`${API}/opportunities`, () => json({ items: [makeOpportunity({ id: 12, name: 'Pumps for Wuxi' })], next_cursor: null })),
    );
    const bodies = bulkOnServer('opportunities', () => json({ counts: { ok: 1, failed: 0 }, results: [{ id: 12, ok: true, code: null, message: null }] }));
    const { user } = renderApp('/opportunities', { user: users.sales });
    await user.click(await screen.findByRole('checkbox', { name: 'Select Pumps for Wuxi' }));
    await user.click(within(screen.getByRole('region', { name: 'Bulk actions' })).getByRole('button', { name: 'Change status' }));
    const dialog = await findDialog('Change the status');
    await user.click(within(dialog).getByRole('combobox', { name: 'New status' }));
    await user.click(await screen.findByTitle('Manufacturing · Won'));
    await user.click(within(dialog).getByRole('button', { name: 'Change status' }));
    expect(await within(dialog).findByText('1 done, 0 failed.')).toBeInTheDocument();
    expect(bodies).toEqual([{ action: 'set_status', ids: [12], stage_id: 5 }]);
  });

  it('ticks phone cards and deletes them after a confirmation', async () => {
    setViewportWidth(390);
    ignoreListDeprecation();
    server.use(http.get(`${API}/contacts`, () => json({ items: [makeContact({ id: 8, name: 'Chen Jing' })], next_cursor: null })));
    const bodies = bulkOnServer('contacts', () => json({ counts: { ok: 1, failed: 0 }, results: [{ id: 8, ok: true, code: null, message: null }] }));
    const { user } = renderApp('/contacts', { user: users.sales });
    await user.click(await screen.findByRole('checkbox', { name: 'Select Chen Jing' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    // A sales rep assigns no owners.
    expect(within(bar).queryByRole('button', { name: 'Assign owner' })).not.toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const dialog = await findDialog('Delete records');
    expect(within(dialog).getByText('Delete these records? For the 1 selected record.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('1 done, 0 failed.')).toBeInTheDocument();
    expect(bodies).toEqual([{ action: 'delete', ids: [8] }]);
  });
});
