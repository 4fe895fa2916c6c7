import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CompanyCreate, CompanyWithEtag } from '../types';
import { customerKeys } from './keys';

/** POST /api/v1/companies — the server normalises the phone (E.164) and the website. */
export async function createCompany(body: CompanyCreate): Promise<CompanyWithEtag> {
  const { data, response } = await unwrap(api.POST('/api/v1/companies', { body }));
  return { company: data, etag: response.headers.get('ETag') };
}

export function useCreateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCompany,
    onSuccess: (created) => {
      queryClient.setQueryData(customerKeys.company(created.company.id), created);
      // Lists, pickers and same-name hints may now show it; other companies are unchanged.
      return queryClient.invalidateQueries({ queryKey: ['companies'], predicate: ({ queryKey }) => queryKey[1] !== 'detail' });
    },
  });
}
