import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../api/types';
import { dayjs, duePresetTime } from '../../lib/dates';
import { API, json, makeFollowUp, problem, users } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { FollowUpTimeline } from './FollowUpTimeline';

const LEAD = 1;

/** The follow-ups of lead 1 on the mocked server; records what the UI sends. */
function followUpsOnServer(initial: FollowUp[]) {
  let items = [...initial];
  const created: Record<string, unknown>[] = [];
  const patched: { id: number; body: Record<string, unknown> }[] = [];
  const handlers = [
    http.get(`${API}/leads/${LEAD}/follow-ups`, () => json({ items, next_cursor: null })),
    http.post(`${API}/leads/${LEAD}/follow-ups`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      created.push(body);
      const followUp = makeFollowUp({ ...body, created_at: dayjs().toISOString() });
      items = [followUp, ...items];
      return json(followUp, { status: 201 });
    }),
    http.patch(`${API}/follow-ups/:id`, async ({ request, params }) => {
      const id = Number(params.id);
      const body = (await request.json()) as Record<string, unknown>;
      patched.push({ id, body });
      items = items.map((item) => (item.id === id ? { ...item, ...body } : item));
      return json(items.find((item) => item.id === id));
    }),
  ];
  return { handlers, created, patched };
}

function item(content: string) {
  return screen.getByText(content).closest('article') as HTMLElement;
}

describe('FollowUpTimeline', () => {
  it('lists follow-ups newest first with an icon per kind and due, overdue and done marks', async () => {
    const remote = followUpsOnServer([
      makeFollowUp({ id: 3, kind: 'meeting', content: 'Demo at their plant', due_at: dayjs().add(1, 'day').hour(14).minute(0).toISOString() }),
      makeFollowUp({ id: 2, kind: 'call', content: 'Ask about the quote', due_at: dayjs().subtract(2, 'hour').toISOString() }),
      makeFollowUp({ id: 1, kind: 'visit', content: 'Saw the pumps', done_at: dayjs().subtract(1, 'day').hour(10).minute(30).toISOString() }),
    ]);
    server.use(...remote.handlers);
    renderWithProviders(<FollowUpTimeline leadId={LEAD} canWrite />, { user: users.sales });

    await screen.findByText('Demo at their plant');
    const articles = screen.getAllByRole('article');
    expect(articles.map((article) => within(article).getByText(/^(Meeting|Call|Visit)$/).textContent)).toEqual([
      'Meeting',
      'Call',
      'Visit',
    ]);
    expect(document.querySelectorAll('.kind-icon.kind-meeting, .kind-icon.kind-call, .kind-icon.kind-visit')).toHaveLength(3);
    expect(within(item('Demo at their plant')).getByText('Due Tomorrow 14:00')).toBeInTheDocument();
    const overdue = within(item('Ask about the quote')).getByText(/^Overdue:/);
    expect(overdue.closest('.ant-tag')).toHaveClass('ant-tag-error');
    expect(within(item('Saw the pumps')).getByText('Done Yesterday 10:30')).toBeInTheDocument();
  });

  it('logs what just happened in two taps: kind and text', async () => {
    const remote = followUpsOnServer([]);
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<FollowUpTimeline leadId={LEAD} canWrite />, { user: users.sales });
    expect(await screen.findByText(/No follow-ups yet/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Email' }));
    await user.type(screen.getByLabelText('What happened / what to do'), 'Sent the catalogue');
    await user.click(screen.getByRole('button', { name: 'Log it' }));

    expect(await screen.findByText('Sent the catalogue')).toBeInTheDocument();
    expect(remote.created).toHaveLength(1);
    expect(remote.created[0]).toMatchObject({ kind: 'email', content: 'Sent the catalogue' });
    expect(dayjs(remote.created[0].done_at as string).diff(dayjs(), 'second')).toBeLessThanOrEqual(1);
    expect(remote.created[0]).not.toHaveProperty('due_at');
    expect(screen.getByLabelText('What happened / what to do')).toHaveValue('');
  });

  it('plans the next call for tomorrow 9:00 with a preset', async () => {
    const remote = followUpsOnServer([]);
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<FollowUpTimeline leadId={LEAD} canWrite />, { user: users.sales });
    await screen.findByText(/No follow-ups yet/);

    await user.type(screen.getByLabelText('What happened / what to do'), 'Call about the quote');
    await user.click(screen.getByRole('radio', { name: 'Tomorrow 9:00' }));
    await user.click(screen.getByRole('button', { name: 'Plan it' }));

    await waitFor(() => expect(remote.created).toHaveLength(1));
    expect(remote.created[0]).toEqual({
      kind: 'call',
      content: 'Call about the quote',
      due_at: duePresetTime('tomorrow').toISOString(),
    });
    expect(await screen.findByText('Due Tomorrow 09:00')).toBeInTheDocument();
  });

  it('does not send an empty follow-up', async () => {
    const remote = followUpsOnServer([]);
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<FollowUpTimeline leadId={LEAD} canWrite />, { user: users.sales });
    await screen.findByText(/No follow-ups yet/);
    await user.click(screen.getByRole('button', { name: 'Log it' }));
    expect(await screen.findByText('Write a few words.')).toBeInTheDocument();
    expect(remote.created).toEqual([]);
  });

  it('marks a follow-up done, reopens it, and reschedules another', async () => {
    const remote = followUpsOnServer([
      makeFollowUp({ id: 21, content: 'Call back', due_at: dayjs().subtract(1, 'hour').toISOString() }),
      makeFollowUp({ id: 22, kind: 'task', content: 'Send samples', due_at: dayjs().add(1, 'hour').toISOString() }),
    ]);
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<FollowUpTimeline leadId={LEAD} canWrite />, { user: users.sales });
    await screen.findByText('Call back');

    await user.click(within(item('Call back')).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(within(item('Call back')).getByText(/^Done Today/)).toBeInTheDocument());
    expect(remote.patched[0].id).toBe(21);
    expect(Object.keys(remote.patched[0].body)).toEqual(['done_at']);

    await user.click(within(item('Call back')).getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(remote.patched[1]).toEqual({ id: 21, body: { done_at: null } }));

    await user.click(within(item('Send samples')).getByRole('button', { name: /Reschedule/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Next Monday 9:00' }));
    await waitFor(() =>
      expect(remote.patched[2]).toEqual({ id: 22, body: { due_at: duePresetTime('nextWeek').toISOString() } }),
    );
  });

  it('shows a failed load with a retry', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/leads/${LEAD}/follow-ups`, () => {
        calls += 1;
        return calls === 1 ? problem(500, 'Boom') : json({ items: [makeFollowUp({ content: 'Loaded' })], next_cursor: null });
      }),
    );
    const { user } = renderWithProviders(<FollowUpTimeline leadId={LEAD} canWrite />, { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Loaded')).toBeInTheDocument();
  });

  it('is read only for service staff', async () => {
    server.use(...followUpsOnServer([makeFollowUp({ content: 'Open one', due_at: dayjs().add(1, 'day').toISOString() })]).handlers);
    renderWithProviders(<FollowUpTimeline leadId={LEAD} canWrite={false} />, { user: users.service });
    await screen.findByText('Open one');
    expect(screen.queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reschedule/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('What happened / what to do')).not.toBeInTheDocument();
  });
});
