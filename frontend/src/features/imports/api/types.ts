// TODO(i10-merge): replace with generated types (the backend's Import schemas are not in
// api/schema.d.ts yet; these follow the agreed shapes of the issue 10 brief).

export type ImportEntity = 'leads' | 'companies' | 'contacts' | 'opportunities' | 'products';
export type ImportMode = 'create' | 'update' | 'upsert';
export type MatchOn = 'email' | 'phone' | 'name' | 'external_id';
export type ImportStatus =
  | 'uploaded'
  | 'checking'
  | 'checked'
  | 'importing'
  | 'imported'
  | 'reverting'
  | 'reverted'
  | 'failed';
export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'duplicate' | 'error' | 'skipped';
/** What the report can be filtered by: an outcome, or `normalised` (rows with a change). */
export type RowFilter = RowOutcome | 'normalised';

/** Rows per outcome, and `normalised`: rows with at least one change. */
export type ImportCounts = Record<RowFilter, number>;

export interface ImportField {
  name: string;
  required: boolean;
}

export interface Import {
  id: number;
  entity: ImportEntity;
  mode: ImportMode;
  match_on: MatchOn | null;
  create_duplicates: boolean;
  file_name: string;
  /** The detected encoding of a CSV file, e.g. "gb18030", "utf-8-sig". */
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  sheets: string[];
  row_count: number;
  columns: string[];
  /** Column -> field; null: the column is ignored. */
  mapping: Record<string, string | null>;
  fields: ImportField[];
  /** The first rows, column -> value. */
  samples: Record<string, unknown>[];
  status: ImportStatus;
  counts: ImportCounts;
  /** The latest job (check, import or revert). */
  job_id: number | null;
  created_by: { id: number; name: string };
  created_at: string;
  committed_at: string | null;
}

export interface ImportPage {
  items: Import[];
  next_cursor: string | null;
}

export interface RowChange {
  field: string;
  rule: string;
  before: unknown;
  after: unknown;
}

export interface RowProblem {
  field: string | null;
  code: string;
  message: string;
}

export interface DuplicateCandidate {
  id: number;
  label: string;
  rule: string;
  score: number;
}

export interface ImportRow {
  row_number: number;
  outcome: RowOutcome;
  original: Record<string, unknown>;
  values: Record<string, unknown>;
  changes: RowChange[];
  problems: RowProblem[];
  candidates: DuplicateCandidate[];
  record_id: number | null;
}

export interface ImportRowPage {
  items: ImportRow[];
  next_cursor: string | null;
}

export interface MappingUpdate {
  mapping: Record<string, string | null>;
  mode?: ImportMode;
  match_on?: MatchOn | null;
  create_duplicates?: boolean;
}
