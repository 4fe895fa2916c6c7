// The duplicates and merge types, from the generated OpenAPI schema (api/schema.d.ts).
import type { components } from '../../../api/schema';

export type { DuplicateCandidate, DuplicateEntity, DuplicateRule } from '../../../components/duplicates/api';
export type { Job, JobStatus } from '../../../lib/jobs';

type Schemas = components['schemas'];

export type DuplicateRecord = Schemas['DuplicateRecord'];
/** Records that match each other by one rule. */
export type DuplicateGroup = Schemas['DuplicateGroup'];
export type DuplicateGroupPage = Schemas['DuplicateGroupPage'];
export type MergeBody = Schemas['MergeInput'];

/**
 * The `result` of a merge job (POST /api/v1/{entity}/merge). Written by hand: the OpenAPI document
 * types a job's result as a free-form object (it depends on the job's kind).
 */
export interface MergeJobResult {
  merge_id: number;
  primary_id: number;
}

/** One merge (GET /api/v1/merges/{id}): what moved, and until when it can be undone. */
export type Merge = Schemas['Merge'];
export type MovedKind = keyof Schemas['Moved'];
export const MOVED_KINDS = [
  'follow_ups',
  'attachments',
  'contacts',
  'opportunities',
  'tickets',
  'orders',
] as const satisfies readonly MovedKind[];
