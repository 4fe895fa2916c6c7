import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Opportunity } from '../../../api/types';
import { customerKeys } from './keys';

/** GET /api/v1/opportunities?company_id= — the company's opportunities (one large page). */
export async function getCompanyOpportunities(id: number, signal?: AbortSignal): Promise<Opportunity[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/opportunities', { params: { query: { company_id: id, limit: 200 } }, signal }),
  );
  return data.items;
}

export function useCompanyOpportunities(id: number) {
  return useQuery({
    queryKey: customerKeys.companyOpportunities(id),
    queryFn: ({ signal }) => getCompanyOpportunities(id, signal),
  });
}
