import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { Company, Contact, FollowUp, Lead, Opportunity, Order, OrderLine, User } from '../api/types';
import type { Ticket, TicketComment } from '../features/tickets/types';
import { dayjs } from '../lib/dates';

export const API = 'http://localhost:3000/api/v1';

export const users = {
  sales: {
    id: 3,
    email: 'sales1@example.com',
    name: 'Li Na',
    role: 'sales',
    team_id: 1,
    locale: 'zh-CN',
    active: true,
    created_at: '2026-01-05T08:00:00+00:00',
    updated_at: '2026-01-05T08:00:00+00:00',
  },
  manager: {
    id: 2,
    email: 'manager@example.com',
    name: 'Zhang Wei',
    role: 'manager',
    team_id: 1,
    locale: 'zh-CN',
    active: true,
    created_at: '2026-01-05T08:00:00+00:00',
    updated_at: '2026-01-05T08:00:00+00:00',
  },
  service: {
    id: 6,
    email: 'service@example.com',
    name: 'Wang Fang',
    role: 'service',
    team_id: 3,
    locale: 'zh-CN',
    active: true,
    created_at: '2026-01-05T08:00:00+00:00',
    updated_at: '2026-01-05T08:00:00+00:00',
  },
} satisfies Record<string, User>;

export const assignees = [
  { id: 2, name: 'Zhang Wei', email: 'manager@example.com', role: 'manager' as const, team_id: 1 },
  { id: 3, name: 'Li Na', email: 'sales1@example.com', role: 'sales' as const, team_id: 1 },
  { id: 4, name: 'Tom Baker', email: 'sales2@example.com', role: 'sales' as const, team_id: 1 },
];

let nextId = 100;

const CREATED = '2026-03-02T08:00:00+00:00';

/** Made on 2 March, not changed since. */
const STAMPS = { created_at: CREATED, updated_at: CREATED };

/** Most records of the fixtures: Li Na's, without a description, made on 2 March. */
const OWNED = { owner_id: 3, owner_name: 'Li Na', description: null, ...STAMPS };

/** A fixture maker: the record's defaults for the given (or a fresh) id, then the test's overrides. */
function maker<T extends { id: number }>(defaults: (id: number) => Omit<T, 'id'>) {
  return (overrides: Partial<T> = {}): T => {
    const id = overrides.id ?? nextId++;
    return { id, ...defaults(id), ...overrides } as T;
  };
}

export const makeLead = maker<Lead>((id) => ({
  name: `Lead ${id}`,
  company_name: 'Suzhou Pump Co.',
  title: 'Buyer',
  email: `lead${id}@example.com`,
  phone: '+8613800138000',
  source: 'event',
  status: 'new',
  last_contacted_at: null,
  next_follow_up_at: null,
  converted_at: null,
  converted_company_id: null,
  converted_company_name: null,
  converted_contact_id: null,
  converted_contact_name: null,
  converted_opportunity_id: null,
  converted_opportunity_name: null,
  ...OWNED,
}));

export const makeFollowUp = maker<FollowUp>((id) => ({
  lead_id: 1,
  company_id: null,
  contact_id: null,
  opportunity_id: null,
  kind: 'call',
  content: `Follow-up ${id}`,
  due_at: null,
  done_at: null,
  author_id: 3,
  author_name: 'Li Na',
  ...STAMPS,
}));

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'etag_mismatch',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  428: 'if_match_required',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** A problem+json answer as the API sends it (`code` defaults to the status's generic one). */
export function problem(
  status: number,
  detail: string,
  errors?: Record<string, string[]>,
  code: string = STATUS_CODES[status] ?? 'internal_error',
) {
  const errorCodes = errors
    ? Object.fromEntries(Object.entries(errors).map(([field, list]) => [field, list.map(() => 'invalid')]))
    : undefined;
  return HttpResponse.json(
    {
      type: `urn:crm:problem:${code}`,
      title: 'Error',
      status,
      detail,
      code,
      ...(errors ? { errors, error_codes: errorCodes } : {}),
    },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

export function json(body: JsonBodyType, init?: { status?: number; headers?: Record<string, string> }) {
  return HttpResponse.json(body, init);
}

/** GET /assignees for managers and admins. */
export const assigneesHandler = http.get(`${API}/assignees`, () => json({ items: assignees }));

/** The seeded manufacturing pipeline (stage names as stored, in English). */
export const manufacturing = {
  id: 1,
  name: 'Manufacturing',
  template: 'manufacturing',
  is_default: true,
  archived_at: null,
  stages: [
    { id: 1, name: 'Inquiry', position: 0, probability: 10, kind: 'open' as const, archived_at: null },
    { id: 2, name: 'Sample', position: 1, probability: 20, kind: 'open' as const, archived_at: null },
    { id: 3, name: 'Quotation', position: 2, probability: 40, kind: 'open' as const, archived_at: null },
    { id: 4, name: 'Negotiation', position: 3, probability: 70, kind: 'open' as const, archived_at: null },
    { id: 5, name: 'Won', position: 4, probability: 100, kind: 'won' as const, archived_at: null },
    { id: 6, name: 'Lost', position: 5, probability: 0, kind: 'lost' as const, archived_at: null },
  ],
};

export const pipelinesHandler = http.get(`${API}/pipelines`, () => json({ items: [manufacturing], next_cursor: null }));

/** No attachments on any record (the attachment panel of the detail pages asks for them). */
export const noAttachmentsHandler = http.get(`${API}/:records/:id/attachments`, () => json({ items: [], next_cursor: null }));
/** GET /duplicates/check: no possible duplicates (the create and edit forms ask as the user types). */
export const noDuplicatesHandler = http.get(`${API}/duplicates/check`, () => json({ items: [] }));

/** A ticket as the API answers it (new, normal priority, due times a day ahead by default). */
export const makeTicket = maker<Ticket>((id) => {
  const created = dayjs().subtract(1, 'hour');
  return {
    kind: 'complaint',
    subject: `Ticket ${id}`,
    description: null,
    priority: 'normal',
    status: 'new',
    channel: 'phone',
    company_id: null,
    company_name: null,
    contact_id: null,
    contact_name: null,
    assignee_id: null,
    assignee_name: null,
    team_id: null,
    created_by_id: 6,
    first_response_due_at: created.add(8, 'hour').toISOString(),
    resolution_due_at: created.add(72, 'hour').toISOString(),
    first_responded_at: null,
    resolved_at: null,
    closed_at: null,
    sla_paused_at: null,
    sla_breached: false,
    customer_replied_at: null,
    created_at: created.toISOString(),
    updated_at: created.toISOString(),
  };
});

export const makeComment = maker<TicketComment>((id) => ({
  ticket_id: 1,
  body: `Comment ${id}`,
  visibility: 'internal',
  author_id: 6,
  author_name: 'Wang Fang',
  upload_link_id: null,
  author_kind: 'user',
  created_at: CREATED,
}));

export const makeCompany = maker<Company>((id) => ({
  name: `Company ${id}`,
  industry: 'Pumps',
  size: '51-200',
  website: null,
  phone: '+862155551234',
  address: null,
  parent_id: null,
  ...OWNED,
}));

export const makeContact = maker<Contact>((id) => ({
  name: `Contact ${id}`,
  company_id: null,
  title: null,
  email: null,
  phone: null,
  ...OWNED,
}));

export const makeOpportunity = maker<Opportunity>((id) => ({
  name: `Deal ${id}`,
  company_id: null,
  company_name: null,
  contact_id: null,
  contact_name: null,
  lead_id: null,
  pipeline_id: 1,
  stage_id: 2,
  amount: '10000.00',
  currency: 'CNY',
  expected_close_date: null,
  probability: 20,
  status: 'open',
  lost_reason: null,
  closed_at: null,
  lines: [],
  ...OWNED,
}));

export const makeOrderLine = maker<OrderLine>((id) => ({
  product_id: null,
  product_name: null,
  description: `Line ${id}`,
  quantity: '1.000',
  unit_price: '100.00',
  discount: '0.00',
  line_total: '100.00',
  stock_on_hand: null,
  stock_short: false,
}));

export const makeOrder = maker<Order>((id) => ({
  number: `SO-2026-${String(id).padStart(6, '0')}`,
  opportunity_id: null,
  opportunity_name: null,
  company_id: null,
  company_name: null,
  contact_id: null,
  contact_name: null,
  owner_id: 3,
  owner_name: 'Li Na',
  status: 'draft',
  currency: 'CNY',
  total: '100.00',
  notes: null,
  lines: [],
  stock_warnings: [],
  ...STAMPS,
}));
