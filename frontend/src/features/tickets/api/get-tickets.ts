import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Ticket, TicketKind, TicketPriority, TicketSort, TicketStatus } from '../types';
import { ticketKeys } from './keys';

/** GET /api/v1/tickets — the ticket list, filtered, a page at a time (cursor paging). */
export interface TicketFilters {
  q?: string;
  status?: TicketStatus[];
  priority?: TicketPriority[];
  kind?: TicketKind[];
  /** `me` or `none` (unassigned) */
  assignee?: 'me' | 'none';
  /** Only tickets past an SLA due time */
  breached?: boolean;
  /** Only tickets where the customer replied and no staff answer followed */
  replied?: boolean;
  /** One customer's tickets (the company page links here) */
  company?: number;
  /** One contact's tickets (the contact page links here) */
  contact?: number;
  sort?: TicketSort;
}

export const TICKETS_PAGE_SIZE = 25;

export interface TicketPage {
  items: Ticket[];
  next_cursor: string | null;
}

function list<T>(values: T[] | undefined): T[] | undefined {
  return values?.length ? values : undefined;
}

/** The list's filters and sort as the API's query (also what export and bulk actions send). */
export function ticketQuery(filters: TicketFilters) {
  return {
    q: filters.q || undefined,
    status: list(filters.status),
    priority: list(filters.priority),
    kind: list(filters.kind),
    assignee_id: filters.assignee,
    sla_breached: filters.breached || undefined,
    customer_replied: filters.replied || undefined,
    company_id: filters.company,
    contact_id: filters.contact,
    sort: filters.sort,
  };
}

export async function getTickets(filters: TicketFilters, cursor?: string, signal?: AbortSignal): Promise<TicketPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/tickets', {
      params: { query: { limit: TICKETS_PAGE_SIZE, cursor, ...ticketQuery(filters) } },
      signal,
    }),
  );
  return { items: data.items, next_cursor: data.next_cursor ?? null };
}

export function ticketsQueryOptions(filters: TicketFilters) {
  return infiniteQueryOptions({
    queryKey: ticketKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getTickets(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useTickets(filters: TicketFilters) {
  return useInfiniteQuery(ticketsQueryOptions(filters));
}
