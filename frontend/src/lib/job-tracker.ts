import type { TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import type { FilePath } from './download';
import type { Job } from './jobs';

/** What a finished job produced, offered in the notification: a page of the app or a file. */
export type JobLink = { to: string; label: string } | { download: FilePath; fileName: string; label: string };

export interface TrackedJob {
  id: number;
  /** What the job does, e.g. "Import of accounts.csv": worded when it ends, in the language of that moment. */
  title: string | ((t: TFunction) => string);
  /** Where to see the result once the job ended (read from the finished job), worded likewise. */
  link?: (job: Job, t: TFunction) => JobLink | undefined;
}

/**
 * The jobs this tab started: the app shell's JobNotifier watches them and says when each ends.
 * Kept in memory (a reload forgets them; the pages still show their jobs' progress).
 */
let tracked: TrackedJob[] = [];
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function trackJob(job: TrackedJob): void {
  tracked = [...tracked.filter(({ id }) => id !== job.id), job];
  emit();
}

export function untrackJob(id: number): void {
  if (!tracked.some((job) => job.id === id)) return;
  tracked = tracked.filter((job) => job.id !== id);
  emit();
}

export function useTrackedJobs(): TrackedJob[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => tracked,
    () => tracked,
  );
}

/**
 * Jobs whose progress is on screen (a JobProgress shows them): their end shows there, so the
 * notifier does not say it again.
 */
const onScreen = new Map<number, number>();

/** Marks a job as shown until the returned function is called (a JobProgress while mounted). */
export function showingJob(id: number): () => void {
  onScreen.set(id, (onScreen.get(id) ?? 0) + 1);
  return () => {
    const count = (onScreen.get(id) ?? 1) - 1;
    if (count > 0) onScreen.set(id, count);
    else onScreen.delete(id);
  };
}

export function isJobOnScreen(id: number): boolean {
  return onScreen.has(id);
}

/** For tests: forget every tracked job. */
export function resetTrackedJobsForTests(): void {
  tracked = [];
  onScreen.clear();
  emit();
}
