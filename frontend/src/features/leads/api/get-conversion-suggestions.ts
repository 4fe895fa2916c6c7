import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ConversionSuggestions } from '../../../api/types';
import { leadKeys } from './keys';

/** GET /api/v1/leads/{id}/conversion-suggestions — existing companies and contacts that look like the lead. */
export async function getConversionSuggestions(leadId: number, signal?: AbortSignal): Promise<ConversionSuggestions> {
  const { data } = await unwrap(
    api.GET('/api/v1/leads/{lead_id}/conversion-suggestions', { params: { path: { lead_id: leadId } }, signal }),
  );
  return data;
}

export function conversionSuggestionsQueryOptions(leadId: number) {
  return queryOptions({
    queryKey: [...leadKeys.detail(leadId), 'conversion-suggestions'] as const,
    queryFn: ({ signal }) => getConversionSuggestions(leadId, signal),
  });
}

export function useConversionSuggestions(leadId: number, enabled: boolean) {
  return useQuery({ ...conversionSuggestionsQueryOptions(leadId), enabled });
}
