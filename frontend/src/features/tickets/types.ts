import type { components, paths } from '../../api/schema';

/**
 * Friendly names for the ticket API's generated types. Answers carry every field (null when
 * empty), which the generated response types leave optional: these state what is always there.
 */
type Schemas = components['schemas'];
type Always<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

export type Ticket = Always<
  Schemas['Ticket'],
  | 'id'
  | 'description'
  | 'priority'
  | 'status'
  | 'channel'
  | 'company_id'
  | 'company_name'
  | 'contact_id'
  | 'contact_name'
  | 'assignee_id'
  | 'assignee_name'
  | 'team_id'
  | 'created_by_id'
  | 'first_response_due_at'
  | 'resolution_due_at'
  | 'first_responded_at'
  | 'resolved_at'
  | 'closed_at'
  | 'sla_breached'
  | 'customer_replied_at'
  | 'created_at'
  | 'updated_at'
>;
export type TicketKind = Ticket['kind'];
export type TicketPriority = Ticket['priority'];
export type TicketStatus = Ticket['status'];
export type TicketChannel = Ticket['channel'];
export type TicketCreate = Schemas['Ticket'];
export type TicketUpdate = Schemas['TicketUpdate'];
export type TicketSort = NonNullable<NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>['sort']>;

export type TicketComment = Always<
  Schemas['TicketComment'],
  'id' | 'ticket_id' | 'visibility' | 'author_id' | 'author_name' | 'author_kind' | 'upload_link_id' | 'created_at'
>;
export type CommentVisibility = TicketComment['visibility'];

/** A link as listed; the answer that creates it also carries `url` and `token`, once. */
export type UploadLink = Always<
  Schemas['UploadLink'],
  'id' | 'ticket_id' | 'expires_at' | 'max_files' | 'max_total_bytes' | 'files_used' | 'bytes_used' | 'created_at' | 'revoked_at' | 'active'
> &
  Pick<Schemas['IssuedUploadLink'], 'url' | 'token'>;
export type UploadLinkCreate = Partial<Schemas['UploadLinkCreate']>;
