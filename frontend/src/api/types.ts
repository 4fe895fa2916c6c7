import type { components, paths } from './schema';

export type { paths };

/**
 * Friendly names for the generated OpenAPI types (schema.d.ts, from `npm run gen:api`).
 *
 * The backend's response schemas mark almost nothing as required, although every answer carries
 * every field (null when empty); the aliases below state what the API always answers so that
 * components need not check `lead.id !== undefined` everywhere.
 */
type Schemas = components['schemas'];
type WithRequired<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;

export type Role = NonNullable<Schemas['User']['role']>;
/** A user as the API answers it (the write-only password is never in an answer). */
export type User = Omit<WithRequired<Schemas['User'], 'id' | 'name' | 'email' | 'role'>, 'password'>;

export type Lead = WithRequired<
  Schemas['Lead'],
  'id' | 'status' | 'source' | 'created_at' | 'updated_at' | 'next_follow_up_at' | 'last_contacted_at'
>;
export type LeadStatus = Lead['status'];
export type LeadSource = Lead['source'];
export type LeadCreate = Schemas['Lead'];
export type LeadUpdate = Schemas['LeadUpdate'];
export type LeadSort = NonNullable<
  NonNullable<paths['/api/v1/leads']['get']['parameters']['query']>['sort']
>;

export type FollowUp = WithRequired<
  Schemas['FollowUp'],
  'id' | 'lead_id' | 'created_at' | 'updated_at'
> & { due_at: string | null; done_at: string | null };
export type FollowUpKind = FollowUp['kind'];
export type FollowUpCreate = Schemas['FollowUp'];
export type FollowUpUpdate = Schemas['FollowUpUpdate'];

export type Token = Schemas['Token'];

/** A user the caller may make the owner of a lead (GET /api/v1/assignees). */
export type Assignee = Schemas['Assignee'];
