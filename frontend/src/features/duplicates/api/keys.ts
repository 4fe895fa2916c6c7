import type { DuplicateEntity } from './types';

/** Query keys of the duplicates feature. */
export const duplicateKeys = {
  all: ['duplicates'] as const,
  groups: (entity: DuplicateEntity) => ['duplicates', 'groups', entity] as const,
  record: (entity: DuplicateEntity, id: number) => ['duplicates', 'record', entity, id] as const,
  merge: (id: number) => ['duplicates', 'merge', id] as const,
  job: (id: number) => ['jobs', id] as const,
};
