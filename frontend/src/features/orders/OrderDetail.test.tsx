import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../api/types';
import { API, json, makeOrder, problem, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

function orderOnServer(initial: Partial<Order> = {}) {
  let order: Order = makeOrder({
    id: 8,
    number: 'SO-2026-000008',
    status: 'draft',
    total: '9840.00',
    currency: 'CNY',
    owner_name: 'Li Na',
    opportunity_id: 31,
    opportunity_name: 'Cooling loop retrofit',
    company_id: 11,
    company_name: 'Suzhou Hengli Pumps',
    created_at: '2026-11-20T02:00:00Z',
    lines: [
      { id: 1, product_id: 1, product_name: 'Pump P-100', description: null, quantity: '3.000', unit_price: '3280.00', discount: '0.00', line_total: '9840.00', stock_on_hand: '2.000', stock_short: true },
    ],
    stock_warnings: [{ product_id: 1, requested: '3.000', stock_on_hand: '2.000', message: 'Only 2 in stock.' }],
    ...initial,
  });
  let version = 1;
  const patches: { ifMatch: string | null; body: unknown }[] = [];
  const handlers = [
    http.get(`${API}/orders/8`, () => json(order, { headers: { ETag: `"r${version}"` } })),
    http.patch(`${API}/orders/8`, async ({ request }) => {
      const body = (await request.json()) as { status: Order['status'] };
      const ifMatch = request.headers.get('If-Match');
      patches.push({ ifMatch, body });
      if (ifMatch !== `"r${version}"`) return problem(412, 'The record was changed by someone else; reload it and try again.');
      order = { ...order, status: body.status };
      version += 1;
      return json(order, { headers: { ETag: `"r${version}"` } });
    }),
  ];
  return { handlers, patches };
}

describe('OrderDetail', () => {
  it('shows the lines with their stock shortage', async () => {
    server.use(...orderOnServer().handlers);
    renderApp('/orders/8', { user: users.sales });
    expect(await screen.findByRole('heading', { name: 'SO-2026-000008' })).toBeInTheDocument();
    expect(screen.getByText('Pump P-100')).toBeInTheDocument();
    expect(screen.getByText(/Short of stock/)).toHaveTextContent('In stock: 2');
    expect(screen.getByText('Only 2 in stock.')).toBeInTheDocument();
  });

  it('names the customer and the opportunity, not their numbers', async () => {
    server.use(...orderOnServer().handlers);
    renderApp('/orders/8', { user: users.sales });
    expect(await screen.findByRole('link', { name: 'Suzhou Hengli Pumps' })).toHaveAttribute('href', '/companies/11');
    expect(screen.getByRole('link', { name: 'Cooling loop retrofit' })).toHaveAttribute('href', '/opportunities/31');
    expect(screen.queryByText('#31')).not.toBeInTheDocument();
  });

  it('offers only the allowed transitions and applies them with If-Match', async () => {
    const remote = orderOnServer();
    server.use(...remote.handlers);
    const { user } = renderApp('/orders/8', { user: users.sales });
    const actions = await screen.findByRole('group', { name: 'Status' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual(['Confirm', 'Cancel order']);

    await user.click(within(actions).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"r1"', body: { status: 'confirmed' } }]));
    expect(await screen.findByText('Order is now Confirmed')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(screen.getByRole('group', { name: 'Status' })).getAllByRole('button').map((button) => button.textContent)).toEqual([
        'Mark shipped',
        'Cancel order',
      ]),
    );

    await user.click(screen.getByRole('button', { name: 'Mark shipped' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Complete' })).toBeInTheDocument());
    expect(remote.patches[1]).toEqual({ ifMatch: '"r2"', body: { status: 'shipped' } });
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument();
  });

  it('asks before cancelling', async () => {
    const remote = orderOnServer();
    server.use(...remote.handlers);
    const { user } = renderApp('/orders/8', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent('Cancel this order?');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel order' }));
    await waitFor(() => expect(remote.patches).toEqual([{ ifMatch: '"r1"', body: { status: 'cancelled' } }]));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Status' })).not.toBeInTheDocument());
  });

  it('shows no actions for a completed order or to read-only staff', async () => {
    server.use(...orderOnServer({ status: 'completed' }).handlers);
    renderApp('/orders/8', { user: users.sales });
    await screen.findByRole('heading', { name: 'SO-2026-000008' });
    expect(screen.queryByRole('group', { name: 'Status' })).not.toBeInTheDocument();
  });
});
