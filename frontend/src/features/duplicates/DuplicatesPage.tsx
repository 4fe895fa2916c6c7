import { SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Progress, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import { DUPLICATE_ENTITIES, isDuplicateEntity } from '../../components/duplicates/api';
import { ErrorState } from '../../components/ErrorState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import NotFound from '../../components/NotFound';
import { useDocumentTitle } from '../../lib/use-document-title';
import { errorMessage } from '../../lib/messages';
import { useIsMobile } from '../../lib/use-media-query';
import { paths } from '../../paths';
import { useDismiss, useDuplicateGroups, useRefreshAfterMerge, useScan } from './api/duplicates';
import { duplicateKeys } from './api/keys';
import type { DuplicateEntity, DuplicateGroup, Job, MergeJobResult } from './api/types';
import { CompareDrawer } from './CompareDrawer';
import { GroupCard } from './GroupCard';
import { MergeResult } from './MergeResult';
import { isJobActive, useJobPoll } from './use-job-poll';
import './duplicates.css';

/** /duplicates/:entity — possible duplicates among companies, contacts or leads, merged or dismissed. */
export default function DuplicatesPage() {
  const { entity } = useParams();
  if (!isDuplicateEntity(entity)) return <NotFound />;
  return <DuplicatesScreen key={entity} entity={entity} />;
}

function DuplicatesScreen({ entity }: { entity: DuplicateEntity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mergeParam = Number(params.get('merge'));
  const mergeId = Number.isInteger(mergeParam) && mergeParam > 0 ? mergeParam : null;
  // Service staff read customers and leads: they see the duplicates but cannot scan, merge or dismiss.
  const { canWriteSales: canWrite } = usePermissions();
  useDocumentTitle(`${t('duplicates.title')} · ${t(`duplicates.entities.${entity}`)}`);

  return (
    <div className="page duplicates-page">
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('duplicates.title')}
        </Typography.Title>
        <Segmented<DuplicateEntity>
          aria-label={t('duplicates.entityLabel')}
          value={entity}
          onChange={(next) => void navigate(paths.duplicates(next))}
          options={DUPLICATE_ENTITIES.map((value) => ({ value, label: t(`duplicates.entities.${value}`) }))}
        />
      </Flex>
      {canWrite && <ScanPanel entity={entity} />}
      {mergeId !== null && (
        <MergeResult entity={entity} mergeId={mergeId} canUndo={canWrite} onClose={() => setParams({}, { replace: true })} />
      )}
      <GroupList entity={entity} canWrite={canWrite} onMerged={(result) => setParams({ merge: String(result.merge_id) })} />
    </div>
  );
}

/** "Scan now", then the scan's progress, polled every second. */
function ScanPanel({ entity }: { entity: DuplicateEntity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const scan = useScan(entity);
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const job = useJobPoll(jobId, (finished: Job) => {
    if (finished.status === 'succeeded') {
      message.success(t('duplicates.scanDone'));
      void queryClient.invalidateQueries({ queryKey: duplicateKeys.groups(entity) });
    } else {
      setProblem(finished.message ?? t(finished.status === 'cancelled' ? 'duplicates.jobCancelled' : 'duplicates.scanFailed'));
    }
    setJobId(null);
  });
  const scanning = scan.isPending || (jobId !== null && (job.isPending || isJobActive(job.data)));
  const progress = job.data?.progress ?? 0;

  const start = () => {
    setProblem(null);
    scan.mutate(undefined, {
      onSuccess: (started) => setJobId(started.id),
      onError: (error) => setProblem(errorMessage(error, t)),
    });
  };

  return (
    <div className="duplicates-scan">
      <Button type="primary" size="large" icon={<SearchOutlined aria-hidden />} onClick={start} loading={scanning}>
        {t('duplicates.scan')}
      </Button>
      {jobId !== null && job.isError && <Alert type="error" showIcon role="alert" title={errorMessage(job.error, t)} />}
      {scanning && jobId !== null && (
        <div className="duplicates-job" role="status">
          <Typography.Text>{t('duplicates.scanning', { progress })}</Typography.Text>
          <Progress percent={progress} aria-label={t('duplicates.scanProgress')} />
        </div>
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </div>
  );
}

function GroupList({
  entity,
  canWrite,
  onMerged,
}: {
  entity: DuplicateEntity;
  canWrite: boolean;
  onMerged: (result: MergeJobResult) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const query = useDuplicateGroups(entity);
  const dismiss = useDismiss(entity);
  const refresh = useRefreshAfterMerge(entity);
  const [comparing, setComparing] = useState<DuplicateGroup | null>(null);

  if (query.isPending) return <ListSkeleton isMobile={isMobile} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const groups = query.data.pages.flatMap((page) => page.items);
  if (groups.length === 0) return <Empty description={t('duplicates.empty')} />;

  const dismissGroup = (group: DuplicateGroup) =>
    dismiss.mutate(
      group.records.map((record) => record.id),
      {
        onSuccess: () => {
          message.success(t('duplicates.dismissed'));
        },
        onError: (error) => {
          message.error(errorMessage(error, t));
        },
      },
    );

  return (
    <section aria-label={t('duplicates.groupsLabel')}>
      <ul className="duplicate-groups">
        {groups.map((group) => (
          <li key={group.key}>
            <GroupCard
              group={group}
              canWrite={canWrite}
              onCompare={() => setComparing(group)}
              onDismiss={() => dismissGroup(group)}
              dismissing={dismiss.isPending && dismiss.variables?.[0] === group.records[0]?.id}
            />
          </li>
        ))}
      </ul>
      <LoadMoreFooter
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        isMobile={isMobile}
        loadMoreText={t('duplicates.loadMore')}
        allShownText={t('duplicates.allShown', { count: groups.length })}
      />
      {comparing && (
        <CompareDrawer
          key={comparing.key}
          entity={entity}
          group={comparing}
          onClose={() => setComparing(null)}
          onMerged={(result) => {
            setComparing(null);
            message.success(t('duplicates.merged'));
            void refresh(comparing.records.map((record) => record.id).filter((id) => id !== result.primary_id));
            onMerged(result);
          }}
        />
      )}
    </section>
  );
}
