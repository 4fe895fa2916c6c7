import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../api/types';
import { API, assignees, assigneesHandler, json, makeLead, noAttachmentsHandler, noDuplicatesHandler, problem, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { setViewportWidth } from '../../test/viewport';

interface Patch {
  ifMatch: string | null;
  body: Record<string, unknown>;
}

/** A lead on the mocked server with ETags that change on every save, like the real one. */
function leadOnServer(initial: Lead) {
  let lead = { ...initial };
  let version = 1;
  const patches: Patch[] = [];
  let gets = 0;
  const etag = () => `"v${version}"`;
  const handlers = [
    http.get(`${API}/leads/${lead.id}`, () => {
      gets += 1;
      return json(lead, { headers: { ETag: etag() } });
    }),
    http.patch(`${API}/leads/${lead.id}`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      const ifMatch = request.headers.get('If-Match');
      patches.push({ ifMatch, body });
      if (!ifMatch) return problem(428, "Send the record's ETag in If-Match to update it.");
      if (ifMatch !== etag()) {
        return problem(412, 'The record was changed by someone else; reload it and try again.');
      }
      if (body.phone === 'not a phone') {
        return problem(422, 'The request has invalid fields.', { phone: ['Not a valid phone number.'] });
      }
      lead = { ...lead, ...body };
      if ('owner_id' in body) {
        lead.owner_name = assignees.find(({ id }) => id === body.owner_id)?.name ?? null;
      }
      version += 1;
      return json(lead, { headers: { ETag: etag() } });
    }),
    http.get(`${API}/leads/${lead.id}/follow-ups`, () => json({ items: [], next_cursor: null })),
  ];
  return {
    handlers,
    patches,
    gets: () => gets,
    /** Someone else saves a change meanwhile. */
    changeElsewhere(patch: Partial<Lead>) {
      lead = { ...lead, ...patch };
      version += 1;
    },
  };
}

function field(name: string) {
  return document.querySelector(`[data-field="${name}"]`) as HTMLElement;
}

describe('LeadDetail', () => {
  beforeEach(() => server.use(noAttachmentsHandler, noDuplicatesHandler));

  it('shows the lead and saves an edited field with If-Match', async () => {
    const remote = leadOnServer(makeLead({ id: 5, name: '王磊', company_name: '苏州泵业' }));
    server.use(...remote.handlers);
    const { user } = renderApp('/leads/5', { user: users.sales });

    expect(await screen.findByRole('heading', { name: '王磊' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit Company' }));
    const input = screen.getByLabelText('Company');
    expect(input).toHaveValue('苏州泵业');
    await user.clear(input);
    await user.type(input, '无锡水泵厂{Enter}');

    await waitFor(() => expect(within(field('company_name')).getByText('无锡水泵厂')).toBeInTheDocument());
    expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { company_name: '无锡水泵厂' } }]);

    // The next save sends the new ETag.
    await user.click(screen.getByRole('button', { name: 'Edit Job title' }));
    await user.clear(screen.getByLabelText('Job title'));
    await user.click(within(field('title')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches).toHaveLength(2));
    expect(remote.patches[1]).toEqual({ ifMatch: '"v2"', body: { title: null } });
  });

  it('works with the keyboard: Escape cancels, and focus returns to the edit button', async () => {
    const remote = leadOnServer(makeLead({ id: 12, title: 'Buyer' }));
    server.use(...remote.handlers);
    const { user } = renderApp('/leads/12', { user: users.sales });
    const edit = await screen.findByRole('button', { name: 'Edit Job title' });
    edit.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Job title')).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}Head of purchasing{Escape}');
    expect(screen.queryByLabelText('Job title')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Job title' })).toHaveFocus();
    expect(remote.patches).toEqual([]);

    await user.keyboard('{Enter}');
    await user.keyboard('{Control>}a{/Control}Head of purchasing{Enter}');
    await waitFor(() => expect(within(field('title')).getByText('Head of purchasing')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Edit Job title' })).toHaveFocus();
  });

  it('puts the API field error under the field and keeps the editor open', async () => {
    const remote = leadOnServer(makeLead({ id: 6 }));
    server.use(...remote.handlers);
    const { user } = renderApp('/leads/6', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Edit Phone' }));
    const input = screen.getByLabelText('Phone');
    await user.clear(input);
    await user.type(input, 'not a phone{Enter}');
    expect(await within(field('phone')).findByText('Not a valid phone number.')).toBeInTheDocument();
    expect(screen.getByLabelText('Phone')).toHaveValue('not a phone');
  });

  it('says that someone else changed the lead (412) and reloads it on request', async () => {
    const remote = leadOnServer(makeLead({ id: 7, name: 'Old name', company_name: 'Acme' }));
    server.use(...remote.handlers);
    const { user } = renderApp('/leads/7', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Edit Name' }));
    remote.changeElsewhere({ name: 'Their name', company_name: 'Acme Group' });
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'My name{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this lead');
    expect(screen.getByLabelText('Name')).toHaveValue('My name'); // nothing typed is lost
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.queryByText('Someone else changed this lead')).not.toBeInTheDocument());
    expect(within(field('company_name')).getByText('Acme Group')).toBeInTheDocument();
    expect(remote.gets()).toBe(2);

    // Saving again now goes through with the fresh ETag.
    await user.click(within(field('name')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'My name' })).toBeInTheDocument());
    expect(remote.patches.at(-1)).toEqual({ ifMatch: '"v2"', body: { name: 'My name' } });
  });

  it('changes the status', async () => {
    const remote = leadOnServer(makeLead({ id: 8, status: 'new' }));
    server.use(...remote.handlers);
    const { user } = renderApp('/leads/8', { user: users.sales });
    await user.click(await screen.findByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByText('Qualified', { selector: '.ant-select-item-option-content *' }));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { status: 'qualified' } }]));
  });

  it('lets a manager change the owner, but not a sales rep', async () => {
    const remote = leadOnServer(makeLead({ id: 9, owner_id: 3, owner_name: 'Li Na' }));
    server.use(...remote.handlers, assigneesHandler);
    const { user, unmount } = renderApp('/leads/9', { user: users.manager });
    await user.click(await screen.findByRole('button', { name: 'Edit Owner' }));
    await user.click(within(field('owner_id')).getByRole('combobox'));
    await user.click(await screen.findByTitle('Tom Baker'));
    await user.click(within(field('owner_id')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"v1"', body: { owner_id: 4 } }]));
    expect(await within(field('owner_id')).findByText('Tom Baker')).toBeInTheDocument();
    unmount();

    renderApp('/leads/9', { user: users.sales });
    await screen.findByRole('button', { name: 'Edit Company' });
    expect(screen.queryByRole('button', { name: 'Edit Owner' })).not.toBeInTheDocument();
  });

  it('shows service staff the lead without any way to change it', async () => {
    server.use(...leadOnServer(makeLead({ id: 10, name: 'Read only' })).handlers);
    renderApp('/leads/10', { user: users.service });
    expect(await screen.findByRole('heading', { name: 'Read only' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Status' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log it' })).not.toBeInTheDocument();
  });

  it('says when the lead does not exist (or is not visible)', async () => {
    server.use(http.get(`${API}/leads/404`, () => problem(404, 'No such lead.')));
    renderApp('/leads/404', { user: users.sales });
    expect(await screen.findByText('Lead not found')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('stacks details and follow-ups on a phone', async () => {
    setViewportWidth(390);
    server.use(...leadOnServer(makeLead({ id: 11 })).handlers);
    renderApp('/leads/11', { user: users.sales });
    await screen.findByRole('button', { name: 'Edit Company' });
    const columns = document.querySelectorAll('.lead-detail-page .ant-col-xs-24');
    expect(columns).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Open navigation' })).toBeInTheDocument();
  });
});
