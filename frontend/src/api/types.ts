import type { components, paths } from './schema';

export type { paths };

/**
 * Friendly names for the generated OpenAPI types (schema.d.ts, from `npm run gen:api`).
 *
 * Answers are the plain components (`Lead`): every field they always carry is required there.
 * Bodies are the `…Input` components (create) and `…Update` (PATCH, every field optional).
 */
type Schemas = components['schemas'];

export type Role = Schemas['User']['role'];
/** A user as the API answers it (the write-only password is never in an answer). */
export type User = Schemas['User'];

export type Lead = Schemas['Lead'];
export type LeadStatus = Lead['status'];
export type LeadSource = Lead['source'];
export type LeadCreate = Schemas['LeadInput'];
export type LeadUpdate = Schemas['LeadUpdate'];
export type LeadSort = NonNullable<
  NonNullable<paths['/api/v1/leads']['get']['parameters']['query']>['sort']
>;

export type FollowUp = Schemas['FollowUp'];
export type FollowUpKind = FollowUp['kind'];
export type FollowUpCreate = Schemas['FollowUpInput'];
export type FollowUpUpdate = Schemas['FollowUpUpdate'];

export type Token = Schemas['Token'];

/** A user the caller may make the owner of a lead (GET /api/v1/assignees). */
export type Assignee = Schemas['Assignee'];

export type Company = Schemas['Company'];
export type Contact = Schemas['Contact'];
export type Stage = Schemas['Stage'];
export type Pipeline = Schemas['Pipeline'];
export type Opportunity = Schemas['Opportunity'];
export type OpportunityLine = Schemas['OpportunityLine'];
export type OpportunityUpdate = Schemas['OpportunityUpdate'];
export type BoardColumn = Schemas['BoardColumn'];
export type Board = Schemas['Board'];
export type StageChange = Schemas['StageChange'];
export type Product = Schemas['Product'];
export type Order = Schemas['Order'];
export type OrderStatus = Order['status'];
export type OrderLine = Schemas['OrderLine'];
export type ConvertLead = Schemas['ConvertLead'];
export type Conversion = Schemas['Conversion'];
export type ConversionSuggestions = Schemas['ConversionSuggestions'];
