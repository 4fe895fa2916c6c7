import { api, unwrap } from '../api/client';
import type { components, paths } from '../api/schema';
import type { QueryParams } from './download';
import type { Job } from './jobs';

type Schemas = components['schemas'];

/** POST /api/v1/{resource}/bulk of each list, as in the generated schema. */
const BULK_PATHS = {
  leads: '/api/v1/leads/bulk',
  companies: '/api/v1/companies/bulk',
  contacts: '/api/v1/contacts/bulk',
  opportunities: '/api/v1/opportunities/bulk',
  tickets: '/api/v1/tickets/bulk',
} as const satisfies Record<string, keyof paths>;

export type BulkResource = keyof typeof BULK_PATHS;
/** The body of one list's bulk request (LeadBulk, CompanyBulk, …). */
export type BulkBody<R extends BulkResource> =
  paths[(typeof BULK_PATHS)[R]]['post']['requestBody']['content']['application/json'];
export type BulkAction = BulkBody<BulkResource>['action'];

/** The actions each list offers (tickets have no follow-ups; opportunities change status by stage). */
export const BULK_ACTIONS: Record<BulkResource, readonly BulkAction[]> = {
  leads: ['assign', 'set_status', 'add_task', 'delete'],
  companies: ['assign', 'add_task', 'delete'],
  contacts: ['assign', 'add_task', 'delete'],
  opportunities: ['assign', 'set_status', 'add_task', 'delete'],
  tickets: ['assign', 'set_status', 'delete'],
} as const satisfies { [R in BulkResource]: readonly BulkBody<R>['action'][] };

/** add_task: `kind` has a server default (task), so the SPA may leave it out. */
export type BulkTask = Omit<Schemas['BulkTask'], 'kind'> & Partial<Pick<Schemas['BulkTask'], 'kind'>>;

/**
 * A bulk request as the bulk dialog builds it for any list: the union of the fields of the
 * per-list bodies (the status values and `stage_id` depend on the list; the server checks them).
 */
export interface BulkRequest {
  action: BulkAction;
  /** The chosen rows, or (`filters`) every row the list's filters match. */
  ids?: number[];
  filters?: Record<string, unknown>;
  owner_id?: number | null;
  status?: string;
  /** set_status of opportunities: the stage to move to (their status follows the stage). */
  stage_id?: number;
  task?: BulkTask;
}

export type BulkRowResult = Schemas['BulkRowResult'];
export type BulkResult = Schemas['BulkResult'];

/** A list's query as the `filters` of a bulk request: the same parameters, a filter of several values as an array. */
export function bulkFilters(query: QueryParams): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'limit' || key === 'cursor' || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) filters[key] = value;
    } else filters[key] = value;
  }
  return filters;
}

/** POST /api/v1/{resource}/bulk — per-row results at once (200), or a job above 500 rows (202). */
export async function runBulk(
  resource: BulkResource,
  request: BulkRequest,
): Promise<{ kind: 'done'; result: BulkResult } | { kind: 'job'; job: Job }> {
  // The dialog's request is checked against the list's own body here only loosely (its status
  // and filters are the list's strings); the server validates it per list and answers 422.
  const body = request as BulkBody<typeof resource>;
  const { data, response } = await unwrap(api.POST(BULK_PATHS[resource], { body }));
  if (response.status === 202) return { kind: 'job', job: data as Job };
  return { kind: 'done', result: data as BulkResult };
}

export function bulkResultOf(job: Job): BulkResult | null {
  const result = job.result as Partial<BulkResult> | null;
  return result?.counts ? (result as BulkResult) : null;
}
