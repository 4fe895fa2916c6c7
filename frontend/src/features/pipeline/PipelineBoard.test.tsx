import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../api/types';
import { API, json, makeOpportunity, manufacturing, pipelinesHandler, problem, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

function opportunity(overrides: Partial<Opportunity>): Opportunity {
  return makeOpportunity({
    id: 31,
    name: 'Cooling loop',
    pipeline_id: 1,
    stage_id: 2,
    amount: '10000.00',
    currency: 'CNY',
    probability: 20,
    status: 'open',
    company_id: 11,
    company_name: 'Suzhou Pump',
    owner_id: 3,
    owner_name: 'Li Na',
    expected_close_date: '2026-12-20',
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    ...overrides,
  });
}

function column(stageIndex: number, count: number, total: string, weighted: string) {
  return { stage: manufacturing.stages[stageIndex], count, total_amount: total, weighted_amount: weighted, other_currency_count: 0 };
}

function boardOnServer({ failPatch = false } = {}) {
  let card = opportunity({});
  const patches: { ifMatch: string | null; body: unknown }[] = [];
  const columns = () =>
    manufacturing.stages.map((stage, index) =>
      stage.id === card.stage_id
        ? column(index, 1, card.amount, ((Number(card.amount) * stage.probability) / 100).toFixed(2))
        : column(index, 0, '0.00', '0.00'),
    );
  const handlers = [
    pipelinesHandler,
    http.get(`${API}/pipelines/1/board`, () => json({ pipeline_id: 1, currency: 'CNY', columns: columns() })),
    http.get(`${API}/opportunities`, () => json({ items: [card], next_cursor: null })),
    http.get(`${API}/opportunities/31`, () => json(card, { headers: { ETag: '"o7"' } })),
    http.patch(`${API}/opportunities/31`, async ({ request }) => {
      const body = (await request.json()) as { stage_id: number };
      patches.push({ ifMatch: request.headers.get('If-Match'), body });
      if (failPatch) return problem(412, 'The record was changed by someone else; reload it and try again.');
      const stage = manufacturing.stages.find(({ id }) => id === body.stage_id)!;
      card = { ...card, stage_id: stage.id, probability: stage.probability };
      return json(card, { headers: { ETag: '"o8"' } });
    }),
  ];
  return { handlers, patches };
}

const columnOf = (name: string) => screen.getByRole('region', { name });

describe('PipelineBoard', () => {
  it('shows a column per stage with count, total and weighted total, and the cards', async () => {
    server.use(...boardOnServer().handlers);
    renderApp('/pipeline', { user: users.sales });
    const sample = await screen.findByRole('region', { name: 'Sample' });
    expect(await within(sample).findByRole('article', { name: 'Cooling loop' })).toBeInTheDocument();
    expect(within(sample).getByText('1 opportunity')).toBeInTheDocument();
    expect(within(sample).getByTestId('total-2')).toHaveTextContent('10,000.00');
    expect(within(sample).getByTestId('weighted-2')).toHaveTextContent('2,000.00');
    expect(within(sample).getByText('Suzhou Pump')).toBeInTheDocument();
    expect(within(columnOf('Inquiry')).getByText('No opportunities')).toBeInTheDocument();
    expect(screen.getAllByRole('region')).toHaveLength(6);
  });

  it('moves a card with the Move to… menu: PATCH stage_id with the If-Match of a fresh GET', async () => {
    const remote = boardOnServer();
    server.use(...remote.handlers);
    const { user } = renderApp('/pipeline', { user: users.sales });
    await screen.findByRole('article', { name: 'Cooling loop' });

    await user.click(screen.getByRole('button', { name: 'Actions for Cooling loop' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Move to Negotiation' }));

    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"o7"', body: { stage_id: 4 } }]));
    const negotiation = columnOf('Negotiation');
    expect(await within(negotiation).findByRole('article', { name: 'Cooling loop' })).toBeInTheDocument();
    await waitFor(() => expect(within(negotiation).getByTestId('weighted-4')).toHaveTextContent('7,000.00'));
    expect(within(columnOf('Sample')).getByText('0 opportunities')).toBeInTheDocument();
    expect(await screen.findByText('Moved to Negotiation')).toBeInTheDocument();
  });

  it('puts the card back and says why when the move is refused', async () => {
    const remote = boardOnServer({ failPatch: true });
    server.use(...remote.handlers);
    const { user } = renderApp('/pipeline', { user: users.sales });
    await screen.findByRole('article', { name: 'Cooling loop' });

    await user.click(screen.getByRole('button', { name: 'Actions for Cooling loop' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Move to Won' }));

    expect(await screen.findByText(/Could not move the opportunity/)).toBeInTheDocument();
    await waitFor(() =>
      expect(within(columnOf('Sample')).getByRole('article', { name: 'Cooling loop' })).toBeInTheDocument(),
    );
    expect(within(columnOf('Won')).queryByRole('article')).not.toBeInTheDocument();
    expect(remote.patches).toHaveLength(1);
  });

  it('offers no moves to read-only service staff', async () => {
    server.use(...boardOnServer().handlers);
    renderApp('/pipeline', { user: users.service });
    await screen.findByRole('article', { name: 'Cooling loop' });
    expect(screen.queryByRole('button', { name: 'Actions for Cooling loop' })).not.toBeInTheDocument();
  });
});
