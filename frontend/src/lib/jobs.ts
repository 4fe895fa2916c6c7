import { useMutation, useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import { getJson, postJson } from './untyped-api';

// TODO(i10-merge): replace with generated types (JobSchema of crm/core/jobs_api.py, on main but not yet in
// api/schema.d.ts).
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A background job (GET /api/v1/jobs/{id}): an import, an export, a bulk action, a merge… */
export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  /** 0-100 */
  progress: number;
  /** What it is doing now, or why it failed, in the user's language. */
  message: string | null;
  /** The stable code of a failure (e.g. a DomainError's code), null otherwise. */
  error_code?: string | null;
  result: Record<string, unknown> | null;
  cancel_requested: boolean;
  attempts?: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** How often a queued or running job is asked for (ms). */
export const JOB_POLL_INTERVAL = 1000;

export function isJobActive(job: Pick<Job, 'status'> | undefined | null): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

export const jobKeys = {
  all: ['jobs'] as const,
  detail: (id: number) => [...jobKeys.all, id] as const,
};

export function getJob(id: number, signal?: AbortSignal): Promise<Job> {
  return getJson<Job>(`/api/v1/jobs/${id}`, undefined, signal);
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
    mutationFn: async (id: number) => (await postJson<Job>(`/api/v1/jobs/${id}/${action}`)).data,
    onSuccess: (job, id) => {
      if (job && typeof job === 'object' && 'status' in job) queryClient.setQueryData(jobKeys.detail(id), job);
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
