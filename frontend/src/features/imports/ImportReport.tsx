import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Segmented, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import { errorMessage } from '../../lib/messages';
import { useIsMobile } from '../../lib/use-media-query';
import { downloadReport, useImportRows } from './api/imports';
import type { Import, ImportRow, RowFilter } from './api/types';
import { OUTCOME_COLORS, recordPath, ROW_FILTERS, ROW_OUTCOMES } from './import-options';
import { cellText, fieldLabel, ruleLabel } from './import-labels';

const ALL = 'all';

export function OutcomeTag({ outcome }: { outcome: RowFilter }) {
  const { t } = useTranslation();
  return <Tag color={OUTCOME_COLORS[outcome]}>{t(`imports.outcomes.${outcome}`)}</Tag>;
}

/** How many rows ended how: one line of tags. */
export function ImportCounts({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4} className="import-counts" role="list" aria-label={t('imports.report.counts')}>
      {ROW_FILTERS.map((outcome) => (
        <span role="listitem" key={outcome}>
          <Tag color={OUTCOME_COLORS[outcome]}>
            {t(`imports.outcomes.${outcome}`)}: {imp.counts[outcome] ?? 0}
          </Tag>
        </span>
      ))}
    </Flex>
  );
}

function Values({ values, label }: { values: Record<string, unknown>; label: string }) {
  const entries = Object.entries(values);
  if (!entries.length) return null;
  return (
    <dl className="import-row-values" aria-label={label}>
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{cellText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Changes({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  if (!row.changes.length) return null;
  return (
    <ul className="import-row-values" aria-label={t('imports.report.changes')}>
      {row.changes.map((change, index) => (
        <li key={`${change.field}-${index}`}>
          <Typography.Text strong>{fieldLabel(t, change.field)}</Typography.Text>{' '}
          {t('imports.report.change', { before: cellText(change.before), after: cellText(change.after), rule: ruleLabel(t, change.rule) })}
        </li>
      ))}
    </ul>
  );
}

function Problems({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  if (!row.problems.length) return null;
  return (
    <ul className="import-row-values" aria-label={t('imports.report.problems')}>
      {row.problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`}>
          {/* A problem of a row that was not refused is a warning (e.g. a spelling variant, kept as it is). */}
          <Typography.Text type={row.outcome === 'error' ? 'danger' : 'warning'}>
            {problem.field ? `${fieldLabel(t, problem.field)}: ` : ''}
            {problem.message}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function Candidates({ row, imp }: { row: ImportRow; imp: Import }) {
  const { t } = useTranslation();
  if (!row.candidates.length) return null;
  return (
    <ul className="import-row-values" aria-label={t('imports.report.candidates')}>
      {row.candidates.map((candidate) => {
        const to = recordPath(imp.entity, candidate.id);
        return (
          <li key={candidate.id}>
            {to ? <Link to={to}>{candidate.label}</Link> : candidate.label}{' '}
            <Typography.Text type="secondary">
              {t('imports.report.candidate', { rule: t(`imports.matchOn.${candidate.rule}`, { defaultValue: candidate.rule }), score: Math.round(candidate.score) })}
            </Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}

function RecordLink({ row, imp }: { row: ImportRow; imp: Import }) {
  const { t } = useTranslation();
  const to = row.record_id ? recordPath(imp.entity, row.record_id) : null;
  return to ? <Link to={to}>{t('imports.report.openRecord', { id: row.record_id })}</Link> : null;
}

/** The row-by-row report: filter by outcome, original values, changes, problems, duplicate candidates. */
export function ImportReport({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [outcome, setOutcome] = useState<RowFilter | typeof ALL>(ALL);
  const [downloading, setDownloading] = useState(false);
  const filter = outcome === ALL ? undefined : outcome;
  const rows = useImportRows(imp.id, filter, true);
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  const total = ROW_OUTCOMES.reduce((sum, key) => sum + (imp.counts[key] ?? 0), 0);

  const download = async () => {
    setDownloading(true);
    try {
      await downloadReport(imp.id, filter);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setDownloading(false);
    }
  };

  const filterOptions = [
    { value: ALL, label: t('imports.report.all', { count: total }) },
    ...ROW_FILTERS.filter((key) => (imp.counts[key] ?? 0) > 0 || key === 'error').map((key) => ({
      value: key,
      label: `${t(`imports.outcomes.${key}`)} (${imp.counts[key] ?? 0})`,
    })),
  ];

  let body;
  if (rows.isPending) {
    body = (
      <div aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  } else if (rows.isError) {
    body = <ErrorState error={rows.error} onRetry={() => void rows.refetch()} retrying={rows.isFetching} />;
  } else if (!items.length) {
    body = <Empty description={t('imports.report.empty')} />;
  } else if (isMobile) {
    body = (
      <ul className="import-row-cards" aria-label={t('imports.report.rows')}>
        {items.map((row) => (
          <li key={row.row_number}>
            <Card size="small">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{t('imports.report.rowNumber', { number: row.row_number })}</Typography.Text>
                <OutcomeTag outcome={row.outcome} />
              </Flex>
              <Values values={row.original} label={t('imports.report.original')} />
              <Changes row={row} />
              <Problems row={row} />
              <Candidates row={row} imp={imp} />
              <RecordLink row={row} imp={imp} />
            </Card>
          </li>
        ))}
      </ul>
    );
  } else {
    body = (
      <Table<ImportRow>
        rowKey="row_number"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 960 }}
        columns={[
          { key: 'row', title: t('imports.report.row'), width: 70, render: (_, row) => row.row_number },
          {
            key: 'outcome',
            title: t('imports.report.outcome'),
            width: 120,
            render: (_, row) => (
              <Flex vertical gap={4} align="start">
                <OutcomeTag outcome={row.outcome} />
                <RecordLink row={row} imp={imp} />
              </Flex>
            ),
          },
          { key: 'original', title: t('imports.report.original'), render: (_, row) => <Values values={row.original} label={t('imports.report.original')} /> },
          { key: 'changes', title: t('imports.report.changes'), render: (_, row) => <Changes row={row} /> },
          {
            key: 'problems',
            title: t('imports.report.problemsAndDuplicates'),
            render: (_, row) => (
              <>
                <Problems row={row} />
                <Candidates row={row} imp={imp} />
              </>
            ),
          },
        ]}
      />
    );
  }

  return (
    <section aria-labelledby="import-report-title" className="import-report">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} id="import-report-title">
          {t('imports.report.title')}
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void download()} loading={downloading}>
          {t('imports.report.download')}
        </Button>
      </Flex>
      {isMobile ? (
        <Select
          aria-label={t('imports.report.filter')}
          value={outcome}
          onChange={(value: RowFilter | typeof ALL) => setOutcome(value)}
          options={filterOptions}
          className="import-outcome-filter"
          style={{ width: '100%' }}
        />
      ) : (
        <Segmented
          aria-label={t('imports.report.filter')}
          value={outcome}
          onChange={(value) => setOutcome(value as RowFilter | typeof ALL)}
          options={filterOptions}
          className="import-outcome-filter"
        />
      )}
      <div aria-busy={rows.isFetching} className="import-rows">
        {body}
      </div>
      {items.length > 0 && (
        <LoadMoreFooter
          hasMore={rows.hasNextPage}
          loading={rows.isFetchingNextPage}
          onLoadMore={() => void rows.fetchNextPage()}
          isMobile={isMobile}
          loadMoreText={t('imports.report.loadMore')}
          allShownText={t('imports.report.allShown', { count: items.length })}
        />
      )}
    </section>
  );
}
