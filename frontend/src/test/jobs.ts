import { http } from 'msw';
import type { Job } from '../lib/jobs';
import { API, json } from './fixtures';

/** A job as GET /api/v1/jobs/{id} answers it. */
export function makeJob(overrides: Partial<Job> & { id: number }): Job {
  return {
    kind: 'imports.dry_run',
    status: 'running',
    progress: 0,
    message: null,
    error_code: null,
    result: null,
    cancel_requested: false,
    attempts: 1,
    created_at: '2026-03-02T08:00:00+00:00',
    started_at: '2026-03-02T08:00:01+00:00',
    finished_at: null,
    ...overrides,
  };
}

/**
 * The job endpoints for one job whose state the test moves on with `set()`; cancel and retry are
 * recorded and answer the job as it then is.
 */
export function jobOnServer(initial: Job) {
  let job = initial;
  const calls: string[] = [];
  const handlers = [
    http.get(`${API}/jobs/${initial.id}`, () => json(job)),
    http.post(`${API}/jobs/${initial.id}/cancel`, () => {
      calls.push('cancel');
      job = { ...job, cancel_requested: true };
      return json(job);
    }),
    http.post(`${API}/jobs/${initial.id}/retry`, () => {
      calls.push('retry');
      job = { ...job, status: 'queued', progress: 0, message: null, finished_at: null };
      return json(job, { status: 202 });
    }),
  ];
  return {
    handlers,
    calls,
    set: (patch: Partial<Job>) => {
      job = { ...job, ...patch };
    },
  };
}
