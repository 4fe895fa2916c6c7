import { RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { JobProgress } from '../../components/JobProgress';
import { formatDateTime } from '../../lib/dates';
import { trackJob } from '../../lib/job-tracker';
import type { Job } from '../../lib/jobs';
import { errorMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { importKeys, useImport, useImportStep, useUpdateMapping, type ImportStep } from './api/imports';
import type { Import, MappingUpdate } from './api/types';
import { BUSY_STATUSES, listPath, STATUS_COLORS } from './import-options';
import { ImportCounts, ImportReport } from './ImportReport';
import { ImportSteps } from './ImportSteps';
import { MappingStep } from './MappingStep';

function stepOf(imp: Import): number {
  switch (imp.status) {
    case 'uploaded':
      return 1;
    case 'checking':
    case 'checked':
      return 2;
    case 'importing':
      return 3;
    case 'failed':
      return imp.committed_at ? 3 : 2;
    default:
      return 4;
  }
}

function useStartStep(imp: Import) {
  const step = useImportStep(imp.id);
  const start = (which: ImportStep, onStarted?: (job: Job) => void) =>
    step.mutate(which, {
      onSuccess: (job) => {
        trackJob({
          id: job.id,
          title: (tr) => tr(`imports.jobs.${which}`, { name: imp.file_name }),
          link: (_job, tr) => ({ to: paths.import(imp.id), label: tr('imports.jobs.openReport') }),
        });
        onStarted?.(job);
      },
    });
  return { start, isPending: step.isPending, error: step.error, reset: step.reset };
}

function Summary({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      className="import-summary"
      items={[
        { key: 'entity', label: t('imports.fields.entity'), children: t(`imports.entities.${imp.entity}`) },
        { key: 'rows', label: t('imports.fields.rows'), children: imp.row_count },
        { key: 'mode', label: t('imports.upload.mode'), children: t(`imports.modes.${imp.mode}`) },
        ...(imp.match_on ? [{ key: 'match', label: t('imports.upload.matchOn'), children: t(`imports.matchOn.${imp.match_on}`) }] : []),
        ...(imp.encoding ? [{ key: 'encoding', label: t('imports.fields.encoding'), children: imp.encoding }] : []),
        ...(imp.sheet ? [{ key: 'sheet', label: t('imports.upload.sheet'), children: imp.sheet }] : []),
        { key: 'by', label: t('imports.fields.createdBy'), children: `${imp.created_by.name} · ${formatDateTime(imp.created_at, t)}` },
      ]}
    />
  );
}

/** The wizard for one uploaded file: mapping -> check (dry run) -> report -> import -> report and revert. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { importId } = useParams();
  const id = Number(importId);
  const query = useImport(Number.isInteger(id) ? id : 0);
  useDocumentTitle(query.data ? t('imports.pageTitle', { name: query.data.file_name }) : t('imports.title'));

  if (!Number.isInteger(id) || id <= 0) return <ErrorState error={new Error('bad id')} title={t('errors.notFoundTitle')} />;
  if (query.isPending) {
    return (
      <div className="page" aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  return <ImportWizard key={query.data.id} imp={query.data} />;
}

function ImportWizard({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [createDuplicates, setCreateDuplicates] = useState(imp.create_duplicates);
  const mapping = useUpdateMapping(imp.id);
  const step = useStartStep(imp);
  const busy = BUSY_STATUSES.includes(imp.status);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: importKeys.detail(imp.id) });
    void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
  };

  const check = (update: MappingUpdate) =>
    mapping.mutate({ update }, {
      onSuccess: () => step.start('dry-run', () => setEditing(false)),
    });

  const commit = () => {
    const go = () => step.start('commit');
    if (createDuplicates !== imp.create_duplicates) {
      mapping.mutate({ update: { mapping: imp.mapping, create_duplicates: createDuplicates }, silent: true }, { onSuccess: go });
    } else go();
  };

  const revert = () =>
    void modal.confirm({
      title: t('imports.revert.title'),
      content: t('imports.revert.confirm', { name: imp.file_name }),
      okText: t('imports.revert.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => step.start('revert'),
    });

  const problem = step.error ?? mapping.error;
  const showMapping = imp.status === 'uploaded' || (editing && (imp.status === 'checked' || imp.status === 'failed'));

  return (
    <div className="page import-page">
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <Typography.Title level={2} className="page-title">
          {imp.file_name}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          <Tag color={STATUS_COLORS[imp.status]}>{t(`imports.statuses.${imp.status}`)}</Tag>
          <Link to={paths.imports}>{t('imports.history')}</Link>
        </Flex>
      </Flex>
      <ImportSteps current={stepOf(imp)} failed={imp.status === 'failed'} />
      <Summary imp={imp} />

      {showMapping && (
        <MappingStep
          imp={imp}
          onCheck={check}
          checking={mapping.isPending || step.isPending}
          error={problem}
          onCancel={imp.status === 'uploaded' ? undefined : () => setEditing(false)}
        />
      )}

      {busy && imp.job_id && (
        <section className="import-job">
          <JobProgress jobId={imp.job_id} title={t(`imports.progress.${imp.status}`)} onEnd={refresh} />
        </section>
      )}

      {imp.status === 'failed' && !editing && (
        <section className="import-job">
          <Alert type="error" showIcon role="alert" title={t('imports.failed')} />
          {imp.job_id && <JobProgress jobId={imp.job_id} title={t('imports.progress.failed')} onEnd={refresh} onRetried={refresh} />}
          <Flex gap={8} wrap className="import-actions">
            {imp.committed_at ? (
              <Button danger icon={<RollbackOutlined aria-hidden />} onClick={revert} loading={step.isPending}>
                {t('imports.revert.button')}
              </Button>
            ) : (
              <Button onClick={() => setEditing(true)}>{t('imports.changeMapping')}</Button>
            )}
          </Flex>
          {problem && <Alert type="error" showIcon role="alert" title={errorMessage(problem, t)} />}
        </section>
      )}

      {imp.status === 'checked' && !editing && (
        <>
          <Alert
            type={imp.counts.error ? 'warning' : 'success'}
            showIcon
            title={t('imports.checked.title')}
            description={t('imports.checked.hint')}
          />
          <ImportCounts imp={imp} />
          <section className="import-commit" aria-label={t('imports.commit.label')}>
            {imp.counts.duplicate > 0 && (
              <Checkbox checked={createDuplicates} onChange={(event) => setCreateDuplicates(event.target.checked)}>
                {t('imports.commit.createDuplicates', { count: imp.counts.duplicate })}
              </Checkbox>
            )}
            {problem && <Alert type="error" showIcon role="alert" title={errorMessage(problem, t)} className="import-actions" />}
            <Flex gap={8} wrap className="import-actions">
              <Button type="primary" size="large" onClick={commit} loading={step.isPending || mapping.isPending}>
                {t('imports.commit.button', { count: imp.row_count })}
              </Button>
              <Button size="large" onClick={() => setEditing(true)}>
                {t('imports.changeMapping')}
              </Button>
            </Flex>
          </section>
          <ImportReport imp={imp} />
        </>
      )}

      {(imp.status === 'imported' || imp.status === 'reverted') && (
        <>
          {imp.status === 'imported' ? (
            <Result
              status="success"
              title={
                <span role="heading" aria-level={2}>
                  {t('imports.done.title')}
                </span>
              }
              subTitle={imp.committed_at ? t('imports.done.when', { when: formatDateTime(imp.committed_at, t) }) : undefined}
              extra={[
                <Link key="list" to={listPath(imp.entity)}>
                  {t('imports.done.openList', { list: t(`imports.entities.${imp.entity}`) })}
                </Link>,
                <Button key="revert" danger icon={<RollbackOutlined aria-hidden />} onClick={revert} loading={step.isPending}>
                  {t('imports.revert.button')}
                </Button>,
              ]}
            />
          ) : (
            <Alert type="info" showIcon title={t('imports.revert.done')} />
          )}
          {problem && <Alert type="error" showIcon role="alert" title={errorMessage(problem, t)} />}
          <ImportCounts imp={imp} />
          <ImportReport imp={imp} />
        </>
      )}
    </div>
  );
}
