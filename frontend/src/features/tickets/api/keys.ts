import type { TicketFilters } from './get-tickets';

/** Query keys of the tickets feature; invalidating a prefix refreshes everything below it. */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (filters: TicketFilters) => [...ticketKeys.lists(), filters] as const,
  details: () => [...ticketKeys.all, 'detail'] as const,
  detail: (id: number) => [...ticketKeys.details(), id] as const,
  comments: (ticketId: number) => [...ticketKeys.detail(ticketId), 'comments'] as const,
  uploadLinks: (ticketId: number) => [...ticketKeys.detail(ticketId), 'upload-links'] as const,
  // Not ['assignees']: that is the lead owners list (GET /assignees), a different set of people.
  assignees: () => [...ticketKeys.all, 'assignees'] as const,
  contacts: (companyId: number) => ['companies', companyId, 'contacts', 'picker'] as const,
  /** The ticket's customer: under the companies and orders prefixes, so their changes refresh it. */
  company: (companyId: number) => ['companies', companyId, 'ticket-customer'] as const,
  /** A contact the list is filtered to: under the contacts prefix, so their changes refresh it. */
  contact: (contactId: number) => ['contacts', contactId, 'ticket-customer'] as const,
  companyOrders: (companyId: number) => ['orders', 'list', 'company', companyId, 'recent'] as const,
};
