import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useAssignees } from '../../../lib/assignees';
import { API, assignees, assigneesHandler, json } from '../../../test/fixtures';
import { server } from '../../../test/server';
import { useTicketAssignees } from './get-assignees';

const serviceAgent = { id: 6, name: 'Wang Fang', email: 'service@example.com', role: 'service' as const, team_id: 3 };

describe('ticket assignees', () => {
  it('are not the lead owners a page fetched before (another list of people)', async () => {
    server.use(assigneesHandler, http.get(`${API}/ticket-assignees`, () => json({ items: [serviceAgent] })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;

    const leadOwners = renderHook(() => useAssignees(), { wrapper });
    await waitFor(() => expect(leadOwners.result.current.data).toEqual(assignees));
    const ticketAssignees = renderHook(() => useTicketAssignees(), { wrapper });
    await waitFor(() => expect(ticketAssignees.result.current.data).toEqual([serviceAgent]));
  });
});
