import type { CommentVisibility, TicketChannel, TicketKind, TicketPriority, TicketSort, TicketStatus } from './types';

export const TICKET_KINDS = ['complaint', 'inquiry', 'feedback', 'request'] as const satisfies readonly TicketKind[];
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly TicketPriority[];
export const TICKET_STATUSES = [
  'new',
  'open',
  'waiting_on_customer',
  'resolved',
  'closed',
] as const satisfies readonly TicketStatus[];
export const TICKET_CHANNELS = ['phone', 'email', 'web', 'upload_link', 'api'] as const satisfies readonly TicketChannel[];
export const COMMENT_VISIBILITIES = ['internal', 'customer'] as const satisfies readonly CommentVisibility[];
export const TICKET_SORTS = [
  '-created_at',
  'created_at',
  '-updated_at',
  'first_response_due_at',
  'resolution_due_at',
  '-priority',
] as const satisfies readonly TicketSort[];
export const DEFAULT_TICKET_SORT: TicketSort = '-created_at';

/** Where a ticket may go from each status (the API answers 409 for anything else). */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'waiting_on_customer', 'resolved', 'closed'],
  open: ['waiting_on_customer', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** antd colours whose text passes WCAG AA contrast on their tag background. */
/** Statuses in which the SLA clocks no longer run. */
export const DONE_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];

export function isTicketStatus(value: string): value is TicketStatus {
  return (TICKET_STATUSES as readonly string[]).includes(value);
}
export function isTicketPriority(value: string): value is TicketPriority {
  return (TICKET_PRIORITIES as readonly string[]).includes(value);
}
export function isTicketKind(value: string): value is TicketKind {
  return (TICKET_KINDS as readonly string[]).includes(value);
}
export function isTicketSort(value: string): value is TicketSort {
  return /^-?(created_at|updated_at|first_response_due_at|resolution_due_at|priority)$/.test(value);
}
