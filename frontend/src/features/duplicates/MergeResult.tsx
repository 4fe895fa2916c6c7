import { CloseOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from '../../components/duplicates/api';
import { ErrorState } from '../../components/ErrorState';
import { dayjs, formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/messages';
import { getRecord, useMergeRecord, useRefreshAfterMerge, useUndoMerge } from './api/duplicates';
import { duplicateKeys } from './api/keys';
import { MOVED_KINDS, type DuplicateEntity, type Job, type Merge } from './api/types';
import { isJobActive, useJobPoll } from './use-job-poll';

/** One merge: into which record, what moved, and Undo while it can be undone (GET /merges/{id}). */
export function MergeResult({
  entity,
  mergeId,
  canUndo,
  onClose,
}: {
  entity: DuplicateEntity;
  mergeId: number;
  /** Whether the user may undo merges (not service staff). */
  canUndo: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = useMergeRecord(mergeId);
  return (
    <Card
      className="merge-result"
      title={<h3 className="card-title">{t('duplicates.result.title')}</h3>}
      extra={<Button type="text" icon={<CloseOutlined aria-hidden />} aria-label={t('duplicates.backToGroups')} onClick={onClose} />}
    >
      {query.isPending ? (
        <div aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          <Skeleton active paragraph={{ rows: 3 }} />
        </div>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <MergeDetails entity={entity} merge={query.data} mayUndo={canUndo} />
      )}
    </Card>
  );
}

function MergeDetails({ entity, merge, mayUndo }: { entity: DuplicateEntity; merge: Merge; mayUndo: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const primary = useQuery({
    queryKey: duplicateKeys.record(entity, merge.primary_id),
    queryFn: ({ signal }) => getRecord(entity, merge.primary_id, signal),
  });
  const undo = useUndoMerge();
  const refresh = useRefreshAfterMerge(entity);
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const job = useJobPoll(jobId, (finished: Job) => {
    setJobId(null);
    if (finished.status === 'succeeded') {
      message.success(t('duplicates.undoneMessage'));
      void refresh();
    } else {
      setProblem(finished.message ?? t(finished.status === 'cancelled' ? 'duplicates.jobCancelled' : 'duplicates.undoFailed'));
    }
  });
  const undoing = undo.isPending || (jobId !== null && (job.isPending || isJobActive(job.data)));
  const canUndo = !merge.undone_at && dayjs(merge.undo_until).isAfter(dayjs());
  const name = primary.data?.name ?? `#${merge.primary_id}`;

  const startUndo = () => {
    setProblem(null);
    undo.mutate(merge.id, {
      onSuccess: (started) => setJobId(started.id),
      onError: (error) => setProblem(errorMessage(error, t)),
    });
  };

  return (
    <Space orientation="vertical" size="middle" className="merge-details">
      <Typography.Paragraph className="merge-into">
        <strong>{t('duplicates.result.into', { name })}</strong>{' '}
        <Link to={recordPath(entity, merge.primary_id)}>{t('duplicates.result.openPrimary')}</Link>
      </Typography.Paragraph>
      <div>
        <Typography.Text strong>{t('duplicates.result.moved')}</Typography.Text>
        <dl className="merge-moved">
          {MOVED_KINDS.map((kind) => (
            <div key={kind}>
              <dt>{t(`duplicates.moved.${kind}`)}</dt>
              <dd>{merge.moved[kind] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div>
        <Typography.Text type="secondary" className="merge-line">
          {t('duplicates.result.duplicates', { ids: merge.duplicate_ids.map((id) => `#${id}`).join(', ') })}
        </Typography.Text>
        <Typography.Text type="secondary" className="merge-line">
          {merge.created_by?.name
            ? t('duplicates.result.by', { name: merge.created_by.name, date: formatDateTime(merge.created_at, t) })
            : t('duplicates.result.byUnknown', { date: formatDateTime(merge.created_at, t) })}
        </Typography.Text>
      </div>
      {merge.undone_at ? (
        <Alert type="info" showIcon title={t('duplicates.result.undone', { date: formatDateTime(merge.undone_at, t) })} />
      ) : canUndo ? (
        <Typography.Text>{t('duplicates.result.undoUntil', { date: formatDateTime(merge.undo_until, t) })}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('duplicates.result.undoExpired')}</Typography.Text>
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {undoing && jobId !== null && (
        <div className="duplicates-job" role="status">
          <Typography.Text>{t('duplicates.undoing', { progress: job.data?.progress ?? 0 })}</Typography.Text>
          <Progress percent={job.data?.progress ?? 0} aria-label={t('duplicates.undoProgress')} />
        </div>
      )}
      {canUndo && mayUndo && (
        <Button icon={<UndoOutlined aria-hidden />} onClick={startUndo} loading={undoing} size="large">
          {t('duplicates.undo')}
        </Button>
      )}
    </Space>
  );
}
