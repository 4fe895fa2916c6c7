import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { unwrap } from '../../api/client';
import { duplicateKeys } from './api/keys';
import { duplicatesApi, type Job } from './api/types';

// TODO(i10-merge): the shared job hook (another branch) replaces this local one.

const POLL_MS = 1000;

export function isJobActive(job: Job | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** GET /api/v1/jobs/{id} */
export async function getJob(id: number, signal?: AbortSignal): Promise<Job> {
  const { data } = await unwrap(duplicatesApi.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id: id } }, signal }));
  return data;
}

/**
 * A job followed every second while it is queued or running; `onFinished` is called once when it
 * has ended (succeeded, failed or cancelled).
 */
export function useJobPoll(jobId: number | null, onFinished?: (job: Job) => void) {
  const query = useQuery({
    queryKey: duplicateKeys.job(jobId ?? 0),
    queryFn: ({ signal }) => getJob(jobId!, signal),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (current) =>
      current.state.status === 'error' || (current.state.data && !isJobActive(current.state.data)) ? false : POLL_MS,
  });
  const job = query.data;
  const finished = useRef<number | null>(null);
  const callback = useRef(onFinished);
  useEffect(() => {
    callback.current = onFinished;
  });
  useEffect(() => {
    if (job && jobId === job.id && !isJobActive(job) && finished.current !== job.id) {
      finished.current = job.id;
      callback.current?.(job);
    }
  }, [job, jobId]);
  return query;
}
