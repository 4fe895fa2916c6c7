import { paths } from '../../paths';
import type { ImportEntity, ImportMode, ImportStatus, MatchOn, RowFilter, RowOutcome } from './api/types';

export const IMPORT_ENTITIES = ['leads', 'companies', 'contacts', 'opportunities', 'products'] as const satisfies readonly ImportEntity[];
export const IMPORT_MODES = ['create', 'update', 'upsert'] as const satisfies readonly ImportMode[];
export const MATCH_ON = ['email', 'phone', 'name', 'external_id'] as const satisfies readonly MatchOn[];
/** Every row has one outcome. */
export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'duplicate', 'skipped', 'error'] as const satisfies readonly RowOutcome[];
/** What the report filters by, in its order: the outcomes and `normalised` (rows with a change). */
export const ROW_FILTERS = ['created', 'updated', 'unchanged', 'normalised', 'duplicate', 'skipped', 'error'] as const satisfies readonly RowFilter[];

export const OUTCOME_COLORS: Record<RowFilter, string> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'default',
  normalised: 'cyan',
  duplicate: 'orange',
  skipped: 'default',
  error: 'red',
};

export const STATUS_COLORS: Record<ImportStatus, string> = {
  uploaded: 'default',
  checking: 'processing',
  checked: 'blue',
  importing: 'processing',
  imported: 'green',
  reverting: 'processing',
  reverted: 'default',
  failed: 'red',
};

/** Statuses while a job works on the import. */
export const BUSY_STATUSES: readonly ImportStatus[] = ['checking', 'importing', 'reverting'];

export function isImportEntity(value: string | null | undefined): value is ImportEntity {
  return (IMPORT_ENTITIES as readonly string[]).includes(value ?? '');
}

/** The page of a record an import created, updated or found as a duplicate (products have none). */
export function recordPath(entity: ImportEntity, id: number): string | null {
  switch (entity) {
    case 'leads':
      return paths.lead(id);
    case 'companies':
      return paths.company(id);
    case 'contacts':
      return paths.contact(id);
    case 'opportunities':
      return paths.opportunity(id);
    case 'products':
      return null;
  }
}

/** The list an import fills. */
export function listPath(entity: ImportEntity): string {
  return entity === 'opportunities' ? paths.opportunities : paths[entity];
}
