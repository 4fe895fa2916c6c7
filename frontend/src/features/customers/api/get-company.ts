import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Company } from '../../../api/types';
import { customerKeys } from './keys';

/** GET /api/v1/companies/{id} */
export async function getCompany(id: number, signal?: AbortSignal): Promise<Company> {
  const { data } = await unwrap(api.GET('/api/v1/companies/{company_id}', { params: { path: { company_id: id } }, signal }));
  return data as Company;
}

export function useCompany(id: number) {
  return useQuery({ queryKey: customerKeys.company(id), queryFn: ({ signal }) => getCompany(id, signal) });
}
