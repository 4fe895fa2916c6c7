import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { paths as routes } from '../../paths';

/** A record the one being saved may duplicate (also the `duplicates` of create/PATCH answers). */
export type DuplicateCandidate = components['schemas']['DuplicateCandidate'];
/** Which rule matched: the same normalised email, the same E.164 phone, or a similar name. */
export type DuplicateRule = DuplicateCandidate['rule'];
/** GET /api/v1/duplicates/check: `name` is a company's name, a contact's or lead's person name. */
export type DuplicateCheckQuery = paths['/api/v1/duplicates/check']['get']['parameters']['query'];
/** The records that are checked for duplicates. */
export type DuplicateEntity = DuplicateCheckQuery['entity'];
export const DUPLICATE_ENTITIES = ['companies', 'contacts', 'leads'] as const satisfies readonly DuplicateEntity[];

export function isDuplicateEntity(value: string | undefined): value is DuplicateEntity {
  return !!value && (DUPLICATE_ENTITIES as readonly string[]).includes(value);
}

/** The page of a record. */
export function recordPath(entity: DuplicateEntity, id: number): string {
  if (entity === 'companies') return routes.company(id);
  if (entity === 'contacts') return routes.contact(id);
  return routes.lead(id);
}

/** The query without blanks (trimmed), or null when nothing is worth checking. */
export function checkQuery(
  entity: DuplicateEntity,
  values: { name?: unknown; company_name?: unknown; email?: unknown; phone?: unknown },
  excludeId?: number,
): DuplicateCheckQuery | null {
  const query: DuplicateCheckQuery = { entity };
  for (const field of ['name', 'company_name', 'email', 'phone'] as const) {
    if (field === 'company_name' && entity !== 'leads') continue;
    const value = values[field];
    if (typeof value === 'string' && value.trim()) query[field] = value.trim();
  }
  if (!query.name && !query.email && !query.phone) return null;
  // One letter of a name matches too much.
  if (query.name && query.name.length < 2 && !query.email && !query.phone) return null;
  if (excludeId) query.exclude_id = excludeId;
  return query;
}

export function duplicateCheckKey(query: DuplicateCheckQuery) {
  return ['duplicates', 'check', query] as const;
}

/** GET /api/v1/duplicates/check — records the given values may duplicate. */
export async function checkDuplicates(query: DuplicateCheckQuery, signal?: AbortSignal): Promise<DuplicateCandidate[]> {
  const { data } = await unwrap(api.GET('/api/v1/duplicates/check', { params: { query }, signal }));
  return data.items;
}

export function useDuplicateCheck(query: DuplicateCheckQuery | null) {
  return useQuery({
    queryKey: duplicateCheckKey(query ?? { entity: 'companies' }),
    queryFn: ({ signal }) => checkDuplicates(query!, signal),
    enabled: query !== null,
    staleTime: 30_000,
    // A hint only: a failed check never stands in the way of saving.
    retry: false,
  });
}

/** Whether the user was already warned about these values (the check answered for them). */
export function wasChecked(queryClient: QueryClient, query: DuplicateCheckQuery | null): boolean {
  return query !== null && queryClient.getQueryState(duplicateCheckKey(query))?.status === 'success';
}

/** The `duplicates` a create or PATCH answer carries (the record may be wrapped with its ETag). */
export function duplicatesIn(answer: unknown): DuplicateCandidate[] {
  if (!answer || typeof answer !== 'object') return [];
  const own = (answer as { duplicates?: unknown }).duplicates;
  if (Array.isArray(own)) return own as DuplicateCandidate[];
  for (const value of Object.values(answer)) {
    if (value && typeof value === 'object' && Array.isArray((value as { duplicates?: unknown }).duplicates)) {
      return (value as { duplicates: DuplicateCandidate[] }).duplicates;
    }
  }
  return [];
}
