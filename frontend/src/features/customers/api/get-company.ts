import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CompanyWithEtag } from '../types';
import { customerKeys } from './keys';

/** GET /api/v1/companies/{id} — with its ETag. */
export async function getCompany(id: number, signal?: AbortSignal): Promise<CompanyWithEtag> {
  const { data, response } = await unwrap(
    api.GET('/api/v1/companies/{company_id}', { params: { path: { company_id: id } }, signal }),
  );
  return { company: data, etag: response.headers.get('ETag') };
}

export function useCompany(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: customerKeys.company(id), queryFn: ({ signal }) => getCompany(id, signal), enabled });
}
