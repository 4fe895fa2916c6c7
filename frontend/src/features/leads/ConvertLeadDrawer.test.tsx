import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { API, json, makeLead, noAttachmentsHandler, pipelinesHandler, problem, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

function leadHandlers(lead = makeLead({ id: 5, name: '王磊', company_name: '苏州泵业' })) {
  return [
    http.get(`${API}/leads/${lead.id}`, () => json(lead, { headers: { ETag: '"v1"' } })),
    http.get(`${API}/leads/${lead.id}/follow-ups`, () => json({ items: [], next_cursor: null })),
  ];
}

const suggestions = {
  companies: [{ id: 11, name: '苏州泵业有限公司', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }],
  contacts: [],
};

describe('Converting a lead', () => {
  beforeEach(() => server.use(noAttachmentsHandler));

  it('links a suggested company, opens an opportunity and goes to it', async () => {
    const bodies: unknown[] = [];
    server.use(
      ...leadHandlers(),
      pipelinesHandler,
      http.get(`${API}/leads/5/conversion-suggestions`, () => json(suggestions)),
      http.post(`${API}/leads/5/convert`, async ({ request }) => {
        bodies.push(await request.json());
        return json(
          {
            lead: makeLead({ id: 5, status: 'converted' }),
            company: suggestions.companies[0],
            contact: { id: 21, name: '王磊' },
            opportunity: { id: 77, name: '苏州泵业', pipeline_id: 1, stage_id: 2, amount: '12000.00', currency: 'CNY' },
          },
          { status: 201 },
        );
      }),
      // The page it lands on.
      http.get(`${API}/opportunities/77`, () => new Promise(() => {})),
      http.get(`${API}/opportunities/77/stage-history`, () => new Promise(() => {})),
      http.get(`${API}/opportunities/77/follow-ups`, () => new Promise(() => {})),
      http.get(`${API}/products`, () => new Promise(() => {})),
      http.get(`${API}/companies`, () => new Promise(() => {})),
    );
    const { user, router } = renderApp('/leads/5', { user: users.sales });

    await user.click(await screen.findByRole('button', { name: 'Convert' }));
    const drawer = await screen.findByRole('dialog');
    // The suggested company is chosen; the contact is a new one.
    expect(await within(drawer).findByRole('radio', { name: '苏州泵业有限公司' })).toBeChecked();
    expect(within(drawer).getByRole('radio', { name: 'Create new contact "王磊"' })).toBeChecked();
    expect(within(drawer).getByLabelText('Opportunity name')).toHaveValue('苏州泵业');
    await user.type(within(drawer).getByLabelText('Amount'), '12000.00');
    await user.click(within(drawer).getByRole('combobox', { name: 'Stage' }));
    await user.click(await screen.findByTitle('Sample'));
    await user.click(within(drawer).getByRole('button', { name: 'Convert' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/opportunities/77'));
    expect(bodies).toEqual([
      { company_id: 11, opportunity: { name: '苏州泵业', amount: '12000.00', pipeline_id: 1, stage_id: 2 } },
    ]);
  });

  it('says so when the lead was converted meanwhile', async () => {
    server.use(
      ...leadHandlers(),
      pipelinesHandler,
      http.get(`${API}/leads/5/conversion-suggestions`, () => json({ companies: [], contacts: [] })),
      http.post(`${API}/leads/5/convert`, () => problem(409, 'The lead is converted already.')),
    );
    const { user } = renderApp('/leads/5', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Convert' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(await within(drawer).findByRole('checkbox', { name: 'Also open an opportunity' }));
    await user.click(within(drawer).getByRole('button', { name: 'Convert' }));
    expect(await within(drawer).findByRole('alert')).toHaveTextContent('This lead was already converted.');
  });

  it('shows what a converted lead became, and no Convert button', async () => {
    server.use(
      ...leadHandlers(
        makeLead({
          id: 5,
          status: 'converted',
          converted_company_id: 11,
          converted_company_name: '苏州泵业',
          converted_opportunity_id: 77,
          converted_opportunity_name: 'Cooling loop retrofit',
          converted_contact_id: 21,
          converted_contact_name: '王建国',
        }),
      ),
    );
    renderApp('/leads/5', { user: users.sales });
    expect(await screen.findByRole('link', { name: 'Opportunity: Cooling loop retrofit' })).toHaveAttribute('href', '/opportunities/77');
    expect(screen.getByRole('link', { name: 'Company: 苏州泵业' })).toHaveAttribute('href', '/companies/11');
    expect(screen.getByRole('link', { name: 'Contact: 王建国' })).toHaveAttribute('href', '/contacts/21');
    expect(screen.queryByText(/#77|#11|#21/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Convert' })).not.toBeInTheDocument();
  });
});
