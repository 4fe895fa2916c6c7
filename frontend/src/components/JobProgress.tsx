import { ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { showingJob } from '../lib/job-tracker';
import { errorMessage } from '../lib/messages';
import { isJobActive, useCancelJob, useJob, useRetryJob, type Job } from '../lib/jobs';
import { ErrorState } from './ErrorState';

interface Props {
  jobId: number;
  /** What the job does, read out with its progress, e.g. "Checking the file". */
  title?: string;
  /** Called once when the job has ended (succeeded, failed or cancelled). */
  onEnd?: (job: Job) => void;
  /** Offer to retry a failed or cancelled job (default yes). */
  retryable?: boolean;
  /** The job was started again (Retry): what it works on may show its new state. */
  onRetried?: (job: Job) => void;
}

const PROGRESS_STATUS = {
  queued: 'active',
  running: 'active',
  succeeded: 'success',
  failed: 'exception',
  cancelled: 'normal',
} as const;

/** A background job's progress: bar, message, Cancel while it runs, Retry once it failed. */
export function JobProgress({ jobId, title, onEnd, retryable = true, onRetried }: Props) {
  const { t } = useTranslation();
  const query = useJob(jobId);
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const job = query.data;
  const ended = useRef<string | null>(null);
  useEffect(() => showingJob(jobId), [jobId]);
  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  });
  useEffect(() => {
    if (!job || isJobActive(job)) {
      ended.current = null;
      return;
    }
    // Once per ending (a retried job that ends again calls again).
    const stamp = `${job.id}:${job.status}:${job.finished_at ?? ''}`;
    if (ended.current === stamp) return;
    ended.current = stamp;
    onEndRef.current?.(job);
  }, [job]);

  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (!job) {
    return (
      <div aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active paragraph={{ rows: 1 }} />
      </div>
    );
  }
  const active = isJobActive(job);
  const label = title ?? t('jobs.progressLabel');
  const statusText = t(`jobs.status.${job.status}`);
  const problem = cancel.error ?? retry.error;
  return (
    <div className="job-progress" aria-busy={active}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text type="secondary">{statusText}</Typography.Text>
      </Flex>
      <Progress
        percent={Math.max(0, Math.min(100, Math.round(job.progress)))}
        status={PROGRESS_STATUS[job.status]}
        aria-label={label}
      />
      <div role="status" aria-live="polite" className="job-progress-message">
        {job.message && <Typography.Text type={job.status === 'failed' ? 'danger' : undefined}>{job.message}</Typography.Text>}
        {job.cancel_requested && active && <Typography.Text type="secondary"> {t('jobs.cancelRequested')}</Typography.Text>}
      </div>
      {problem && <Alert type="error" showIcon title={errorMessage(problem, t)} className="job-progress-problem" />}
      <Flex gap={8} wrap className="job-progress-actions">
        {active && (
          <Button
            icon={<StopOutlined aria-hidden />}
            onClick={() => cancel.mutate(job.id)}
            loading={cancel.isPending}
            disabled={job.cancel_requested}
          >
            {t('jobs.cancel')}
          </Button>
        )}
        {retryable && (job.status === 'failed' || job.status === 'cancelled') && (
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => retry.mutate(job.id, { onSuccess: (retried) => onRetried?.(retried) })} loading={retry.isPending}>
            {t('jobs.retry')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
