import type { components } from '../api/schema';
import type { Role } from '../api/types';

export type ImportEntity = components['schemas']['Import']['entity'];

/** What sales reps import (records they will own); admins and managers import everything. */
const SALES_ENTITIES: readonly ImportEntity[] = ['leads', 'companies', 'contacts'];

/** May this role import these records (the API answers 403 otherwise)? */
export function canImport(role: Role, entity: ImportEntity): boolean {
  if (role === 'admin' || role === 'manager') return true;
  return role === 'sales' && SALES_ENTITIES.includes(entity);
}
