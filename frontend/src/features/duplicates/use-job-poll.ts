import { useEffect, useRef } from 'react';
import { isJobActive as jobIsActive, useJob } from '../../lib/jobs';
import type { Job } from './api/types';

export function isJobActive(job: Job | undefined): boolean {
  return jobIsActive(job);
}

/**
 * A job followed every second while it is queued or running (the shared useJob of lib/jobs);
 * `onFinished` is called once when it has ended (succeeded, failed or cancelled).
 */
export function useJobPoll(jobId: number | null, onFinished?: (job: Job) => void) {
  const query = useJob(jobId);
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
