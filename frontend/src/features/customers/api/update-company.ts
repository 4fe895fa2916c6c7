import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CompanyUpdate, CompanyWithEtag } from '../types';
import { customerKeys } from './keys';

/**
 * PATCH /api/v1/companies/{id} with If-Match: the ETag of the version the user saw. A 412 answer
 * means someone else changed the company meanwhile.
 */
export async function updateCompany(id: number, etag: string, patch: CompanyUpdate): Promise<CompanyWithEtag> {
  const { data, response } = await unwrap(
    api.PATCH('/api/v1/companies/{company_id}', {
      params: { path: { company_id: id }, header: { 'If-Match': etag } },
      body: patch,
    }),
  );
  return { company: data, etag: response.headers.get('ETag') };
}

export function useUpdateCompany(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CompanyUpdate) => {
      const current = queryClient.getQueryData<CompanyWithEtag>(customerKeys.company(id));
      return updateCompany(id, current?.etag ?? '', patch);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(customerKeys.company(id), updated);
      return queryClient.invalidateQueries({ queryKey: customerKeys.companyLists() });
    },
  });
}
