// TODO(i10-merge): replace with generated types (the duplicates, merge and jobs endpoints are not in
// api/schema.d.ts yet; these follow the agreed shapes of the issue 10 brief).
import type { Client } from 'openapi-fetch';
import { api } from '../../../api/client';
import type { DuplicateEntity, DuplicateRule } from '../../../components/duplicates/api';

export type { DuplicateCandidate, DuplicateEntity, DuplicateRule } from '../../../components/duplicates/api';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A background job (GET /api/v1/jobs/{id}). */
export interface Job<Result = Record<string, unknown>> {
  id: number;
  kind: string;
  status: JobStatus;
  /** 0-100 */
  progress: number;
  /** In the caller's language. */
  message: string | null;
  error_code?: string | null;
  result: Result | null;
  cancel_requested: boolean;
  attempts?: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface DuplicateRecord {
  id: number;
  label: string;
  email: string | null;
  phone: string | null;
  owner: { id: number; name: string } | null;
  created_at: string;
}

/** Records that match each other by one rule. */
export interface DuplicateGroup {
  key: string;
  entity: DuplicateEntity;
  rule: DuplicateRule;
  /** 0-100 */
  score: number;
  records: DuplicateRecord[];
}

export interface DuplicateGroupPage {
  items: DuplicateGroup[];
  next_cursor: string | null;
}

export interface MergeBody {
  primary_id: number;
  duplicate_ids: number[];
  /** The value the primary keeps, per field. */
  values: Record<string, unknown>;
}

export interface MergeJobResult {
  merge_id: number;
  primary_id: number;
}

export const MOVED_KINDS = ['follow_ups', 'attachments', 'contacts', 'opportunities', 'tickets', 'orders'] as const;
export type MovedKind = (typeof MOVED_KINDS)[number];

/** One merge (GET /api/v1/merges/{id}): what moved, and until when it can be undone. */
export interface Merge {
  id: number;
  entity: DuplicateEntity;
  primary_id: number;
  duplicate_ids: number[];
  moved: Partial<Record<MovedKind, number>>;
  created_at: string;
  undo_until: string;
  undone_at: string | null;
  created_by: { id: number; name: string };
}

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Operation<Params, Body, Responses> = {
  parameters: Params;
  requestBody: Body extends never ? never : { content: { 'application/json': Body } };
  responses: Responses;
};
type Get<Params, Responses> = {
  parameters: Params;
  requestBody?: never;
  responses: Responses;
};

/** The new endpoints in openapi-typescript's shape, so the app's one client calls them. */
interface DuplicatePaths {
  '/api/v1/duplicates': {
    parameters: NoParams;
    get: Get<
      { query: { entity: DuplicateEntity; limit?: number; cursor?: string }; header?: never; path?: never; cookie?: never },
      { 200: Json<DuplicateGroupPage> }
    >;
  };
  '/api/v1/duplicates/scan': {
    parameters: NoParams;
    post: Get<{ query: { entity: DuplicateEntity }; header?: never; path?: never; cookie?: never }, { 202: Json<Job> }>;
  };
  '/api/v1/duplicates/dismiss': {
    parameters: NoParams;
    post: Operation<NoParams, { entity: DuplicateEntity; ids: number[] }, { 204: NoContent }>;
  };
  '/api/v1/{entity}/merge': {
    parameters: NoParams;
    post: Operation<{ query?: never; header?: never; path: { entity: DuplicateEntity }; cookie?: never }, MergeBody, { 202: Json<Job> }>;
  };
  '/api/v1/merges/{merge_id}': {
    parameters: NoParams;
    get: Get<{ query?: never; header?: never; path: { merge_id: number }; cookie?: never }, { 200: Json<Merge> }>;
  };
  '/api/v1/merges/{merge_id}/undo': {
    parameters: NoParams;
    post: Get<{ query?: never; header?: never; path: { merge_id: number }; cookie?: never }, { 202: Json<Job> }>;
  };
  '/api/v1/jobs/{job_id}': {
    parameters: NoParams;
    get: Get<{ query?: never; header?: never; path: { job_id: number }; cookie?: never }, { 200: Json<Job> }>;
  };
}

/** The app's API client (auth, language, refresh), typed for the endpoints above. */
export const duplicatesApi = api as unknown as Client<DuplicatePaths>;
