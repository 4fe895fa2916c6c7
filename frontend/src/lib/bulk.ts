import type { Job } from './jobs';
import { postJson, type QueryParams } from './untyped-api';

// TODO(i10-merge): replace with generated types.
export type BulkResource = 'leads' | 'companies' | 'contacts' | 'opportunities' | 'tickets';
export type BulkAction = 'assign' | 'set_status' | 'add_task' | 'delete';

/** The actions each list offers (tickets have no follow-ups; opportunities change status by stage). */
export const BULK_ACTIONS: Record<BulkResource, readonly BulkAction[]> = {
  leads: ['assign', 'set_status', 'add_task', 'delete'],
  companies: ['assign', 'add_task', 'delete'],
  contacts: ['assign', 'add_task', 'delete'],
  opportunities: ['assign', 'set_status', 'add_task', 'delete'],
  tickets: ['assign', 'set_status', 'delete'],
};

export interface BulkTask {
  subject: string;
  due_at: string;
  kind?: string;
}

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

export interface BulkRowResult {
  id: number;
  ok: boolean;
  code: string | null;
  message: string | null;
}

export interface BulkResult {
  counts: { ok: number; failed: number };
  results: BulkRowResult[];
}

/** A list's query as the `filters` of a bulk request: the same parameters, lists comma-separated. */
export function bulkFilters(query: QueryParams): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'limit' || key === 'cursor' || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) filters[key] = value.join(',');
    } else filters[key] = value;
  }
  return filters;
}

/** POST /api/v1/{resource}/bulk — per-row results at once (200), or a job above 500 rows (202). */
export async function runBulk(
  resource: BulkResource,
  request: BulkRequest,
): Promise<{ kind: 'done'; result: BulkResult } | { kind: 'job'; job: Job }> {
  const { data, status } = await postJson<BulkResult | Job>(`/api/v1/${resource}/bulk`, request);
  if (status === 202) return { kind: 'job', job: data as Job };
  return { kind: 'done', result: data as BulkResult };
}

export function bulkResultOf(job: Job): BulkResult | null {
  const result = job.result as Partial<BulkResult> | null;
  return result?.counts ? (result as BulkResult) : null;
}
