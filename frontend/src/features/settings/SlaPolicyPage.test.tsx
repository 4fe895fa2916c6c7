import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { dayjs } from '../../lib/dates';
import { API, json, problem, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { setViewportWidth } from '../../test/viewport';
import type { SlaHours, SlaPolicy } from './types';

const admin: User = { ...users.manager, id: 1, email: 'admin@example.com', name: 'Admin', role: 'admin', team_id: null };

/** The API's answer: lowest priority first; urgent was changed five minutes ago. */
function policies(): SlaPolicy[] {
  return [
    { priority: 'low', first_response_hours: 24, resolution_hours: 120, is_default: true, updated_at: null },
    { priority: 'normal', first_response_hours: 8, resolution_hours: 72, is_default: true, updated_at: null },
    { priority: 'high', first_response_hours: 4, resolution_hours: 24, is_default: true, updated_at: null },
    {
      priority: 'urgent',
      first_response_hours: 1,
      resolution_hours: 4,
      is_default: false,
      updated_at: dayjs().subtract(5, 'minute').toISOString(),
    },
  ];
}

/** A backend that keeps what was PUT, and the requests it got. */
function slaBackend(answerPut?: () => Response) {
  const items = policies();
  const puts: { priority: string; body: SlaHours }[] = [];
  let gets = 0;
  const handlers = [
    http.get(`${API}/sla-policies`, () => {
      gets += 1;
      return json({ items });
    }),
    http.put(`${API}/sla-policies/:priority`, async ({ request, params }) => {
      const body = (await request.json()) as SlaHours;
      puts.push({ priority: String(params.priority), body });
      await delay(50);
      if (answerPut) return answerPut();
      const policy = items.find((item) => item.priority === params.priority)!;
      Object.assign(policy, body, { is_default: false, updated_at: new Date().toISOString() });
      return json(policy);
    }),
  ];
  return { handlers, puts, gets: () => gets };
}

function card(name: string) {
  return screen.getByRole('region', { name });
}

describe('SlaPolicyPage', () => {
  it('shows the admin every priority, most urgent first, and saves new hours', async () => {
    const backend = slaBackend();
    server.use(...backend.handlers);
    const { user } = renderApp('/settings/sla', { user: admin });

    expect(await screen.findByRole('heading', { level: 2, name: 'SLA policies' })).toBeInTheDocument();
    expect(await screen.findAllByRole('heading', { level: 3 })).toHaveLength(4);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent?.trim())).toEqual([
      'Urgent',
      'High',
      'Normal',
      'Low',
    ]);
    expect(document.title).toBe('SLA policies · CRM');
    expect(within(card('Urgent')).getByText('changed 5 minutes ago')).toBeInTheDocument();
    expect(within(card('Low')).getByText('Built-in default')).toBeInTheDocument();
    expect(within(card('Normal')).getByText('3 days')).toBeInTheDocument();
    expect(screen.queryByText('Only an administrator can change these targets.')).not.toBeInTheDocument();

    const urgent = card('Urgent');
    const firstResponse = within(urgent).getByRole('spinbutton', { name: 'First response (hours)' });
    const resolution = within(urgent).getByRole('spinbutton', { name: 'Resolution (hours)' });
    await user.clear(firstResponse);
    await user.type(firstResponse, '0.5');
    await user.clear(resolution);
    await user.type(resolution, '2');
    expect(within(urgent).getByText('30 min')).toBeInTheDocument();
    await user.click(within(urgent).getByRole('button', { name: 'Save Urgent' }));
    expect(firstResponse).toBeDisabled();

    expect(await screen.findByText('Urgent: new targets saved. Tickets created from now on get them.')).toBeInTheDocument();
    expect(backend.puts).toEqual([{ priority: 'urgent', body: { first_response_hours: 0.5, resolution_hours: 2 } }]);
    await waitFor(() => expect(backend.gets()).toBe(2));
    expect(await within(card('Urgent')).findByText('changed just now')).toBeInTheDocument();
  });

  it('refuses a resolution shorter than the first response, an empty field or a third decimal before asking the server', async () => {
    const backend = slaBackend();
    server.use(...backend.handlers);
    const { user } = renderApp('/settings/sla', { user: admin });
    const high = await screen.findByRole('region', { name: 'High' });

    const resolution = within(high).getByRole('spinbutton', { name: 'Resolution (hours)' });
    await user.clear(resolution);
    await user.type(resolution, '2');
    await user.click(within(high).getByRole('button', { name: 'Save High' }));
    expect(await within(high).findByText('Resolution cannot be shorter than the first response.')).toBeInTheDocument();

    await user.clear(resolution);
    await user.click(within(high).getByRole('button', { name: 'Save High' }));
    expect(await within(high).findByText('Enter the hours.')).toBeInTheDocument();

    await user.type(resolution, '24.125');
    await user.click(within(high).getByRole('button', { name: 'Save High' }));
    expect(await within(high).findByText('Use at most two decimals.')).toBeInTheDocument();
    expect(backend.puts).toEqual([]);
  });

  it("puts the server's field errors under their field", async () => {
    const backend = slaBackend(() =>
      problem(422, 'Some fields are not valid.', {
        resolution_hours: ['Must be at least the first response time.'],
      }),
    );
    server.use(...backend.handlers);
    const { user } = renderApp('/settings/sla', { user: admin });
    const urgent = await screen.findByRole('region', { name: 'Urgent' });

    await user.click(within(urgent).getByRole('button', { name: 'Save Urgent' }));
    const resolution = within(urgent).getByRole('spinbutton', { name: 'Resolution (hours)' });
    expect(await within(urgent).findByText('Must be at least the first response time.')).toBeInTheDocument();
    expect(resolution).toHaveAttribute('aria-invalid', 'true');
    expect(backend.puts).toHaveLength(1);
  });

  it('shows service staff the targets read-only, on a phone too', async () => {
    setViewportWidth(390);
    server.use(...slaBackend().handlers);
    renderApp('/settings/sla', { user: users.service });

    const urgent = await screen.findByRole('region', { name: 'Urgent' });
    expect(within(urgent).getByText('First response').nextElementSibling).toHaveTextContent('1 h');
    expect(within(urgent).getByText('Resolution').nextElementSibling).toHaveTextContent('4 h');
    expect(within(card('Low')).getByText('5 days')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Only an administrator can change these targets.');
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Save/ })).not.toBeInTheDocument();
  });

  it('offers a retry when the targets cannot be loaded', async () => {
    let fail = true;
    server.use(
      http.get(`${API}/sla-policies`, () => (fail ? problem(500, 'Internal Server Error') : json({ items: policies() }))),
    );
    const { user } = renderApp('/settings/sla', { user: users.service });
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be loaded');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Urgent' })).toBeInTheDocument();
  });
});
