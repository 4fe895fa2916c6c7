import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Board } from '../../../api/types';
import { opportunityKeys } from './keys';

/** GET /api/v1/pipelines/{id}/board — per stage: count, total and weighted total. */
export async function getBoard(pipelineId: number, signal?: AbortSignal): Promise<Board> {
  const { data } = await unwrap(
    api.GET('/api/v1/pipelines/{pipeline_id}/board', { params: { path: { pipeline_id: pipelineId } }, signal }),
  );
  return data;
}

export function boardQueryOptions(pipelineId: number) {
  return queryOptions({
    queryKey: opportunityKeys.board(pipelineId),
    queryFn: ({ signal }) => getBoard(pipelineId, signal),
  });
}

export function useBoard(pipelineId: number | undefined) {
  return useQuery({ ...boardQueryOptions(pipelineId ?? 0), enabled: !!pipelineId });
}
