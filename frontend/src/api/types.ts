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

export type Company = WithRequired<Schemas['Company'], 'id' | 'created_at' | 'updated_at'>;
export type Contact = WithRequired<Schemas['Contact'], 'id' | 'created_at' | 'updated_at'>;
export type Stage = WithRequired<Schemas['Stage'], 'id' | 'position' | 'probability' | 'kind'>;
export type Pipeline = Omit<WithRequired<Schemas['Pipeline'], 'id' | 'is_default'>, 'stages'> & { stages: Stage[] };
export type Opportunity = WithRequired<
  Schemas['Opportunity'],
  'id' | 'pipeline_id' | 'stage_id' | 'amount' | 'currency' | 'status' | 'created_at' | 'updated_at'
>;
export type OpportunityLine = Schemas['OpportunityLine'];
export type OpportunityUpdate = Schemas['OpportunityUpdate'];
export type BoardColumn = Omit<Schemas['BoardColumn'], 'stage'> & { stage: Stage };
export type Board = Omit<Schemas['Board'], 'columns'> & { columns: BoardColumn[] };
export type StageChange = Schemas['StageChange'];
export type Product = WithRequired<Schemas['Product'], 'id'>;
export type Order = WithRequired<Schemas['Order'], 'id' | 'number' | 'status' | 'total' | 'currency' | 'created_at'>;
export type OrderStatus = Order['status'];
export type OrderLine = Schemas['OrderLine'];
export type ConvertLead = Schemas['ConvertLead'];
export type Conversion = {
  lead: Lead;
  company: Company;
  contact: Contact;
  opportunity: Opportunity | null;
};
export type ConversionSuggestions = { companies: Company[]; contacts: Contact[] };
