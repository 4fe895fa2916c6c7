import type { components, paths } from '../../api/schema';

/** Friendly names for the ticket API's generated types (answers carry every field). */
type Schemas = components['schemas'];

export type Ticket = Schemas['Ticket'];
export type TicketKind = Ticket['kind'];
export type TicketPriority = Ticket['priority'];
export type TicketStatus = Ticket['status'];
export type TicketChannel = Ticket['channel'];
export type TicketCreate = Schemas['TicketInput'];
export type TicketUpdate = Schemas['TicketUpdate'];
export type TicketSort = NonNullable<NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>['sort']>;

export type TicketComment = Schemas['TicketComment'];
export type CommentVisibility = TicketComment['visibility'];

/** A link as listed; the answer that creates it also carries `url` and `token`, once. */
export type UploadLink = Schemas['UploadLink'] & Partial<Pick<Schemas['IssuedUploadLink'], 'url' | 'token'>>;
export type UploadLinkCreate = Partial<Schemas['UploadLinkCreate']>;
