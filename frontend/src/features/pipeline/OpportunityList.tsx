import { Flex, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import type { Opportunity } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { ImportButton } from '../../components/ImportButton';
import { useBulkSelection } from '../../components/use-bulk-selection';
import { RecordList, type RecordColumn } from '../../components/RecordList';
import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { pipelineLabel, stageLabel, usePipelines } from '../../lib/pipelines';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useOpportunities, type OpportunityFilters, type OpportunityStatus } from './api/get-opportunities';
import { opportunityKeys } from './api/keys';
import { ViewToggle } from './PipelineBoard';

const STATUSES: OpportunityStatus[] = ['open', 'won', 'lost'];
const STATUS_COLORS: Record<OpportunityStatus, string> = { open: 'blue', won: 'green', lost: 'default' };

export function OpportunityStatusTag({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`opportunities.statuses.${status}`)}</Tag>;
}

/** Filters live in the URL: ?pipeline=1&status=open,won&q=pump */
function filtersFrom(params: URLSearchParams): OpportunityFilters {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((value): value is OpportunityStatus => STATUSES.includes(value as OpportunityStatus));
  return {
    pipelineId: Number(params.get('pipeline')) || undefined,
    status: status.length ? status : undefined,
    q: params.get('q') || undefined,
  };
}

export default function OpportunityList() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('opportunities.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = useOpportunities(filters);
  const pipelines = usePipelines();
  const stageName = (opportunity: Opportunity) =>
    stageLabel(
      pipelines.data
        ?.find(({ id }) => id === opportunity.pipeline_id)
        ?.stages.find(({ id }) => id === opportunity.stage_id)?.name,
      t,
    );
  const filtered = !!(filters.pipelineId || filters.status || filters.q);
  const { canWriteSales, canAssignLeads } = usePermissions();
  const listQuery = { pipeline_id: filters.pipelineId, status: filters.status, q: filters.q, sort: '-updated_at' };
  const bulk = useBulkSelection<Opportunity>({
    resource: 'opportunities',
    list: query,
    query: listQuery,
    scope: JSON.stringify(filters),
    rowLabel: (row) => row.name,
    listKey: opportunityKeys.lists(),
    statuses: (pipelines.data ?? []).flatMap((pipeline) =>
      pipeline.stages.map((stage) => ({
        value: stage.id,
        label: `${pipelineLabel(pipeline, t)} · ${stageLabel(stage.name, t)}`,
      })),
    ),
    canAssign: canAssignLeads,
    canWrite: canWriteSales,
  });

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: RecordColumn<Opportunity>[] = [
    {
      key: 'name',
      title: t('opportunities.fields.name'),
      render: (row) => <Link to={paths.opportunity(row.id)}>{row.name}</Link>,
    },
    { key: 'company', title: t('opportunities.fields.company'), render: (row) => row.company_name ?? '' },
    { key: 'stage', title: t('opportunities.fields.stage'), render: (row) => stageName(row) },
    { key: 'status', title: t('opportunities.fields.status'), render: (row) => <OpportunityStatusTag status={row.status} /> },
    {
      key: 'amount',
      title: t('opportunities.fields.amount'),
      align: 'right',
      render: (row) => formatMoney(row.amount, row.currency, i18n.language),
    },
    { key: 'owner', title: t('opportunities.fields.owner'), render: (row) => row.owner_name ?? '' },
    {
      key: 'close',
      title: t('opportunities.fields.expectedClose'),
      render: (row) => (row.expected_close_date ? formatDate(row.expected_close_date, t) : ''),
    },
  ];

  return (
    <div className="page opportunity-list-page">
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('opportunities.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <ImportButton entity="opportunities" size="large" />
          <ExportButton resource="opportunities" query={listQuery} size="large" />
          <ViewToggle value="list" />
        </Flex>
      </Flex>
      <Flex gap={8} wrap className="filter-bar">
        <Input.Search
          allowClear
          size="large"
          aria-label={t('opportunities.search')}
          placeholder={t('opportunities.search')}
          defaultValue={filters.q}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          className="opportunity-search"
        />
        <Select
          size="large"
          allowClear
          aria-label={t('opportunities.filters.pipeline')}
          placeholder={t('opportunities.filters.allPipelines')}
          value={filters.pipelineId}
          onChange={(value?: number) => setFilter('pipeline', value ? String(value) : undefined)}
          options={(pipelines.data ?? []).map((pipeline) => ({ value: pipeline.id, label: pipelineLabel(pipeline, t) }))}
          popupMatchSelectWidth={false}
          className="filter-select"
        />
        <Select
          size="large"
          mode="multiple"
          allowClear
          aria-label={t('opportunities.filters.status')}
          placeholder={t('opportunities.filters.allStatuses')}
          value={filters.status ?? []}
          onChange={(value: OpportunityStatus[]) => setFilter('status', value.join(',') || undefined)}
          options={STATUSES.map((status) => ({ value: status, label: t(`opportunities.statuses.${status}`) }))}
          popupMatchSelectWidth={false}
          className="filter-select"
        />
      </Flex>
      {bulk.bar}
      <RecordList
        query={query}
        selection={bulk.selection}
        emptyAction={!filtered && <ImportButton entity="opportunities" type="primary" />}
        columns={columns}
        emptyText={filtered ? t('opportunities.emptyFiltered') : t('opportunities.emptyTitle')}
        loadMoreText={t('opportunities.loadMore')}
        renderCard={(row) => (
          <>
            <Link to={paths.opportunity(row.id)} className="list-card-title">
              {row.name}
            </Link>
            <div>{row.company_name}</div>
            <Flex justify="space-between" wrap gap={4}>
              <span>{formatMoney(row.amount, row.currency, i18n.language)}</span>
              <span>
                {stageName(row)} <OpportunityStatusTag status={row.status} />
              </span>
            </Flex>
          </>
        )}
      />
    </div>
  );
}
