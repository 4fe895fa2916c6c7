import { useMutation, useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

/** A background job (GET /api/v1/jobs/{id}): an import, an export, a bulk action, a merge… */
export type Job = components['schemas']['Job'];
export type JobStatus = Job['status'];

/** How often a queued or running job is asked for (ms). */
export const JOB_POLL_INTERVAL = 1000;

export function isJobActive(job: Pick<Job, 'status'> | undefined | null): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

export const jobKeys = {
  all: ['jobs'] as const,
  detail: (id: number) => [...jobKeys.all, id] as const,
};

export async function getJob(id: number, signal?: AbortSignal): Promise<Job> {
  const { data } = await unwrap(api.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id: id } }, signal }));
  return data;
}

/** A job, asked for again every second while it is queued or running. */
export function useJob(id: number | null | undefined) {
  return useQuery({
    queryKey: jobKeys.detail(id ?? 0),
    queryFn: ({ signal }) => getJob(id as number, signal),
    enabled: typeof id === 'number' && id > 0,
    staleTime: 0,
    // Stops on an error answer (the progress shows it, with a retry).
    refetchInterval: (query: Query<Job, Error, Job, readonly unknown[]>) =>
      query.state.status !== 'error' && (!query.state.data || isJobActive(query.state.data)) ? JOB_POLL_INTERVAL : false,
  });
}

function useJobAction(action: 'cancel' | 'retry') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number): Promise<Job> =>
      (await unwrap(api.POST(`/api/v1/jobs/{job_id}/${action}`, { params: { path: { job_id: id } } }))).data,
    onSuccess: (job, id) => {
      queryClient.setQueryData(jobKeys.detail(id), job);
      void queryClient.invalidateQueries({ queryKey: jobKeys.detail(id) });
    },
  });
}

/** POST /api/v1/jobs/{id}/cancel: the job stops between two batches. */
export function useCancelJob() {
  return useJobAction('cancel');
}

/** POST /api/v1/jobs/{id}/retry: a failed or cancelled job runs again from its last checkpoint. */
export function useRetryJob() {
  return useJobAction('retry');
}
