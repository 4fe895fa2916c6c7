import type { TFunction } from 'i18next';
import type { FullRecord } from './api/duplicates';
import type { DuplicateEntity } from './api/types';

/** The fields a merge chooses a value for, per kind of record (as the API names them). */
export const MERGE_FIELDS: Record<DuplicateEntity, readonly string[]> = {
  companies: ['name', 'industry', 'size', 'website', 'phone', 'address', 'parent_id', 'owner_id', 'description'],
  contacts: ['name', 'company_id', 'title', 'email', 'phone', 'owner_id', 'description'],
  leads: ['name', 'company_name', 'title', 'email', 'phone', 'source', 'status', 'owner_id', 'description'],
};

/**
 * The fields this user chooses values for: the owner only for managers and admins (the API lets
 * only them change it); otherwise the primary keeps its own.
 */
export function mergeFields(entity: DuplicateEntity, canAssign: boolean): readonly string[] {
  return canAssign ? MERGE_FIELDS[entity] : MERGE_FIELDS[entity].filter((field) => field !== 'owner_id');
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function same(a: unknown, b: unknown): boolean {
  return (isBlank(a) && isBlank(b)) || a === b;
}

/** Fields whose values are not the same in every record: only those need a choice. */
export function differingFields(fields: readonly string[], records: FullRecord[]): string[] {
  return fields.filter((field) => records.some((record) => !same(record[field], records[0][field])));
}

/**
 * Whose value a field keeps: the user's choice, else the primary's, else (when the primary has none)
 * the first record that has one.
 */
export function chosenRecord(
  field: string,
  records: FullRecord[],
  primaryId: number,
  choices: Record<string, number>,
): FullRecord {
  const chosen = records.find((record) => record.id === choices[field]);
  if (chosen) return chosen;
  const primary = records.find((record) => record.id === primaryId) ?? records[0];
  if (!isBlank(primary[field])) return primary;
  return records.find((record) => !isBlank(record[field])) ?? primary;
}

/** The merge request's `values`: the kept value of every field that differs. */
export function mergeValues(
  fields: readonly string[],
  records: FullRecord[],
  primaryId: number,
  choices: Record<string, number>,
): Record<string, unknown> {
  return Object.fromEntries(
    differingFields(fields, records).map((field) => [field, chosenRecord(field, records, primaryId, choices)[field] ?? null]),
  );
}

/** A value as people read it. */
export function displayValue(field: string, record: FullRecord, t: TFunction): string {
  const value = record[field];
  if (isBlank(value)) return t('duplicates.emptyValue');
  if (field === 'owner_id') return typeof record.owner_name === 'string' ? record.owner_name : `#${String(value)}`;
  if (field === 'parent_id' || field === 'company_id') return `#${String(value)}`;
  if (field === 'status') return t(`leads.statuses.${String(value)}`);
  if (field === 'source') return t(`leads.sources.${String(value)}`);
  return String(value);
}
