import { Alert, Progress, Radio, Skeleton, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/auth';
import { FormDrawer } from '../../components/FormDrawer';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../lib/messages';
import { useIsMobile } from '../../lib/use-media-query';
import { useMerge, useRecords, type FullRecord } from './api/duplicates';
import type { DuplicateEntity, DuplicateGroup, Job, MergeJobResult } from './api/types';
import { chosenRecord, differingFields, displayValue, mergeFields, mergeValues, MERGE_FIELDS } from './compare';
import { isJobActive, useJobPoll } from './use-job-poll';

interface Props {
  entity: DuplicateEntity;
  group: DuplicateGroup;
  onClose: () => void;
  /** The merge job succeeded. */
  onMerged: (result: MergeJobResult) => void;
}

/**
 * The records of a group side by side (stacked per field on a phone): the user picks the primary
 * record and, where they differ, the value each field keeps; Merge sends it as a job.
 */
export function CompareDrawer({ entity, group, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const { canAssignLeads: canAssign } = usePermissions();
  const fields = mergeFields(entity, canAssign);
  const ids = group.records.map((record) => record.id);
  const queries = useRecords(entity, ids);
  const records = queries.every((query) => query.isSuccess) ? queries.map((query) => query.data) : null;
  const failed = queries.find((query) => query.isError);
  const [primaryId, setPrimaryId] = useState(ids[0]);
  const [choices, setChoices] = useState<Record<string, number>>({});
  const merge = useMerge(entity);
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const job = useJobPoll(jobId, (finished: Job) => {
    if (finished.status === 'succeeded' && finished.result) {
      onMerged(finished.result as unknown as MergeJobResult);
    } else {
      setJobId(null);
      setProblem(finished.message ?? t(finished.status === 'cancelled' ? 'duplicates.jobCancelled' : 'duplicates.mergeFailed'));
    }
  });
  const running = merge.isPending || (jobId !== null && (job.isPending || isJobActive(job.data)));

  const submit = () => {
    if (!records) return;
    setProblem(null);
    merge.mutate(
      {
        primary_id: primaryId,
        duplicate_ids: ids.filter((id) => id !== primaryId),
        values: mergeValues(fields, records, primaryId, choices),
      },
      {
        onSuccess: (started) => setJobId(started.id),
        onError: (error) => setProblem(errorMessage(error, t)),
      },
    );
  };

  return (
    <FormDrawer
      open
      onClose={onClose}
      title={t('duplicates.compareTitle')}
      className="duplicates-compare-drawer"
      width={Math.min(320 + 240 * ids.length, 1100)}
      submitText={t('duplicates.mergeCount', { count: ids.length - 1 })}
      onSubmit={submit}
      submitting={running}
      submitDisabled={!records}
      problem={problem}
    >
      {jobId !== null && job.error && <Alert type="error" showIcon role="alert" title={errorMessage(job.error, t)} />}
      {running && (
        <div className="duplicates-job" role="status">
          <Typography.Text>{t('duplicates.merging', { progress: job.data?.progress ?? 0 })}</Typography.Text>
          <Progress percent={job.data?.progress ?? 0} aria-label={t('duplicates.mergeProgress')} />
        </div>
      )}
      {failed ? (
        <ErrorState
          error={failed.error}
          title={t('duplicates.loadRecordsFailed')}
          onRetry={() => queries.forEach((query) => query.isError && void query.refetch())}
        />
      ) : records ? (
        <CompareTable
          entity={entity}
          fields={fields}
          records={records}
          primaryId={primaryId}
          onPrimary={setPrimaryId}
          choices={choices}
          onChoose={(field, id) => setChoices((current) => ({ ...current, [field]: id }))}
          disabled={running}
        />
      ) : (
        <div aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      )}
    </FormDrawer>
  );
}

function CompareTable({
  entity,
  fields,
  records,
  primaryId,
  onPrimary,
  choices,
  onChoose,
  disabled,
}: {
  entity: DuplicateEntity;
  fields: readonly string[];
  records: FullRecord[];
  primaryId: number;
  onPrimary: (id: number) => void;
  choices: Record<string, number>;
  onChoose: (field: string, id: number) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const baseId = useId();
  const differing = differingFields(fields, records);
  // The primary keeps its own value of a field the user may not choose (the owner, for sales reps).
  const primaryOnly = differingFields(MERGE_FIELDS[entity], records).filter((field) => !fields.includes(field));
  const primary = records.find((record) => record.id === primaryId) ?? records[0];
  const same = MERGE_FIELDS[entity].filter((field) => !differing.includes(field) && !primaryOnly.includes(field));
  // Side by side: a label column, then one column per record.
  const columns = isMobile ? undefined : { gridTemplateColumns: `minmax(120px, 180px) repeat(${records.length}, minmax(0, 1fr))` };
  const fromClass = isMobile ? 'compare-from' : 'compare-from sr-only';

  return (
    <div className={`duplicates-compare${isMobile ? ' stacked' : ''}`}>
      <Typography.Paragraph type="secondary" id={`${baseId}-primary-help`}>
        {t('duplicates.primaryHelp')}
      </Typography.Paragraph>
      <Radio.Group
        className="compare-row compare-primary"
        style={columns}
        value={primaryId}
        onChange={(event) => onPrimary(event.target.value as number)}
        name={`${baseId}-primary`}
        aria-labelledby={`${baseId}-primary`}
        aria-describedby={`${baseId}-primary-help`}
        disabled={disabled}
      >
        <span className="compare-field" id={`${baseId}-primary`}>
          {t('duplicates.primaryLegend')}
        </span>
        {records.map((record) => (
          <Radio key={record.id} value={record.id} className="compare-option">
            <span className="compare-value">
              <strong>{record.name}</strong> <span className="compare-id">#{record.id}</span>
            </span>
            {record.id === primaryId && <Tag color="blue">{t('duplicates.primaryBadge')}</Tag>}
          </Radio>
        ))}
      </Radio.Group>

      {differing.length > 0 && (
        <>
          <Typography.Title level={3} className="compare-heading">
            {t('duplicates.fieldsLegend')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('duplicates.fieldsHelp')}</Typography.Paragraph>
        </>
      )}
      {differing.map((field) => {
        const labelId = `${baseId}-${field}`;
        const kept = chosenRecord(field, records, primaryId, choices);
        return (
          <Radio.Group
            key={field}
            className="compare-row"
            style={columns}
            value={kept.id}
            onChange={(event) => onChoose(field, event.target.value as number)}
            name={labelId}
            aria-labelledby={labelId}
            disabled={disabled}
          >
            <span className="compare-field" id={labelId}>
              {t(`duplicates.fields.${field}`)}
            </span>
            {records.map((record) => (
              <Radio key={record.id} value={record.id} className="compare-option">
                <span className="compare-value">{displayValue(field, record, t)}</span>
                <span className={fromClass}> {t('duplicates.from', { record: record.name })}</span>
              </Radio>
            ))}
          </Radio.Group>
        );
      })}

      {primaryOnly.length > 0 && (
        <dl className="compare-same">
          {primaryOnly.map((field) => (
            <div key={field} className="compare-same-row">
              <dt>{t(`duplicates.fields.${field}`)}</dt>
              <dd>
                {displayValue(field, primary, t)}{' '}
                <Typography.Text type="secondary">({t('duplicates.keptFromPrimary')})</Typography.Text>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {same.length > 0 && (
        <dl className="compare-same">
          {same.map((field) => (
            <div key={field} className="compare-same-row">
              <dt>{t(`duplicates.fields.${field}`)}</dt>
              <dd>
                {displayValue(field, records[0], t)} <Typography.Text type="secondary">({t('duplicates.sameValue')})</Typography.Text>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
