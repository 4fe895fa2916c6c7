import type { TicketFilters } from './api/get-tickets';
import { DEFAULT_TICKET_SORT, isTicketKind, isTicketPriority, isTicketSort, isTicketStatus } from './ticket-options';

/**
 * The list's filters live in the URL query string, so a view can be bookmarked and shared:
 * ?q=leak&status=new,open&priority=urgent&kind=complaint&assignee=me&breached=1&replied=1&company=5&contact=30&sort=resolution_due_at
 */
function list(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

function recordId(params: URLSearchParams, name: string): number | undefined {
  const id = Number(params.get(name));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

export function filtersFromParams(params: URLSearchParams): TicketFilters {
  const filters: TicketFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 100);
  const status = list(params, 'status').filter(isTicketStatus);
  if (status.length) filters.status = status;
  const priority = list(params, 'priority').filter(isTicketPriority);
  if (priority.length) filters.priority = priority;
  const kind = list(params, 'kind').filter(isTicketKind);
  if (kind.length) filters.kind = kind;
  const assignee = params.get('assignee');
  if (assignee === 'me' || assignee === 'none') filters.assignee = assignee;
  if (params.get('breached') === '1') filters.breached = true;
  if (params.get('replied') === '1') filters.replied = true;
  const company = recordId(params, 'company');
  if (company) filters.company = company;
  const contact = recordId(params, 'contact');
  if (contact) filters.contact = contact;
  const sort = params.get('sort');
  if (sort && isTicketSort(sort) && sort !== DEFAULT_TICKET_SORT) filters.sort = sort;
  return filters;
}

export function filtersToParams(filters: TicketFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.status?.length) params.set('status', filters.status.join(','));
  if (filters.priority?.length) params.set('priority', filters.priority.join(','));
  if (filters.kind?.length) params.set('kind', filters.kind.join(','));
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.breached) params.set('breached', '1');
  if (filters.replied) params.set('replied', '1');
  if (filters.company) params.set('company', String(filters.company));
  if (filters.contact) params.set('contact', String(filters.contact));
  if (filters.sort && filters.sort !== DEFAULT_TICKET_SORT) params.set('sort', filters.sort);
  return params;
}

/** Filters other than the search text and the sort order. */
export function countFilters(filters: TicketFilters): number {
  return [
    filters.status?.length,
    filters.priority?.length,
    filters.kind?.length,
    filters.assignee,
    filters.breached,
    filters.replied,
    filters.company,
    filters.contact,
  ].filter(Boolean).length;
}

export function hasFilters(filters: TicketFilters): boolean {
  return countFilters(filters) > 0 || !!filters.q;
}
