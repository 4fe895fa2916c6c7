// The import types, from the generated OpenAPI schema (api/schema.d.ts).
import type { components, paths } from '../../../api/schema';

type Schemas = components['schemas'];

export type Import = Schemas['Import'];
export type ImportEntity = Import['entity'];
export type ImportMode = Import['mode'];
export type MatchOn = NonNullable<Import['match_on']>;
export type ImportStatus = Import['status'];
/** Rows per outcome, and `normalised`: rows with at least one change. */
export type ImportCounts = Schemas['ImportCounts'];
export type ImportField = Schemas['ImportField'];
export type ImportPage = Schemas['ImportPage'];

export type ImportRow = Schemas['ImportRow'];
export type RowOutcome = ImportRow['outcome'];
/** What the report can be filtered by: an outcome, or `normalised` (rows with a change). */
export type RowFilter = NonNullable<
  NonNullable<paths['/api/v1/imports/{import_id}/rows']['get']['parameters']['query']>['outcome']
>;
export type RowChange = Schemas['Change'];
export type RowProblem = Schemas['RowProblem'];
export type DuplicateCandidate = Schemas['Candidate'];
export type ImportRowPage = Schemas['ImportRowPage'];

/** PUT /api/v1/imports/{id}/mapping */
export type MappingUpdate = Schemas['Mapping'];
