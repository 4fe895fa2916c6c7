import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser, usePermissions } from '../../api/auth';
import type { Lead, LeadSort } from '../../api/types';
import { FindDuplicatesButton } from '../../components/duplicates/FindDuplicatesButton';
import type { FromList } from '../../components/BackToListLink';
import { ErrorState } from '../../components/ErrorState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import { formatDate } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useIsMobile } from '../../lib/use-media-query';
import { useUrlFilters } from '../../lib/use-url-filters';
import { paths } from '../../paths';
import { useAssignees } from '../../lib/assignees';
import { useLeads } from './api/get-leads';
import { LeadCreateDrawer } from './LeadCreateDrawer';
import { LeadFilterBar } from './LeadFilterBar';
import { filtersFromParams, filtersToParams, hasFilters } from './lead-filters';
import { DEFAULT_SORT } from './lead-options';
import { NextFollowUp } from './NextFollowUp';
import { StatusTag } from './StatusTag';
import { useOwnerLabel } from '../../lib/use-owner-label';

type SortableColumn = 'name' | 'next_follow_up_at' | 'created_at';

function sortOrderOf(sort: LeadSort, column: SortableColumn) {
  if (sort === column) return 'ascend' as const;
  if (sort === `-${column}`) return 'descend' as const;
  return null;
}

function LeadCards({
  leads,
  ownerLabel,
  from,
}: {
  leads: Lead[];
  ownerLabel: (lead: Lead) => string;
  from: FromList;
}) {
  const { t } = useTranslation();
  return (
    <ul className="lead-cards" aria-label={t('leads.title')}>
      {leads.map((lead) => (
        <li key={lead.id}>
          <Link to={paths.lead(lead.id)} state={from} className="lead-card-link">
            <Card size="small" className="lead-card">
              <Flex justify="space-between" align="start" gap={8}>
                <div className="lead-card-main">
                  <Typography.Text strong className="lead-card-name">
                    {lead.name}
                  </Typography.Text>
                  {(lead.company_name || lead.title) && (
                    <Typography.Text type="secondary" className="lead-card-company" ellipsis>
                      {[lead.company_name, lead.title].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  )}
                </div>
                <StatusTag status={lead.status} />
              </Flex>
              <Flex justify="space-between" gap={8} className="lead-card-meta" wrap>
                <NextFollowUp at={lead.next_follow_up_at} />
                <Typography.Text type="secondary">{ownerLabel(lead)}</Typography.Text>
              </Flex>
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function LeadList() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const me = useCurrentUser();
  const { canWriteLeads, canAssignLeads } = usePermissions();
  const { params, filters, setFilters, clearFilters } = useUrlFilters(filtersFromParams, filtersToParams);
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('leads.title'));
  const ownerLabel = useOwnerLabel();
  const assignees = useAssignees({ enabled: canAssignLeads });
  const query = useLeads(filters);
  const leads = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  const sort = filters.sort ?? DEFAULT_SORT;
  const from: FromList = { listSearch: params.toString() };

  const columns: TableProps<Lead>['columns'] = [
    {
      key: 'name',
      title: t('leads.fields.name'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_, lead) => (
        <div className="lead-name-cell">
          <Link to={paths.lead(lead.id)} state={from}>
            {lead.name}
          </Link>
          {lead.company_name && (
            <Typography.Text type="secondary" ellipsis>
              {lead.company_name}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('leads.fields.status'),
      width: 120,
      render: (_, lead) => <StatusTag status={lead.status} />,
    },
    { key: 'owner', title: t('leads.fields.owner'), width: 160, render: (_, lead) => ownerLabel(lead) },
    {
      key: 'source',
      title: t('leads.fields.source'),
      width: 120,
      render: (_, lead) => t(`leads.sources.${lead.source}`),
    },
    {
      key: 'next_follow_up_at',
      title: t('leads.fields.nextFollowUp'),
      width: 210,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'next_follow_up_at'),
      render: (_, lead) => <NextFollowUp at={lead.next_follow_up_at} />,
    },
    {
      key: 'created_at',
      title: t('leads.fields.createdAt'),
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'created_at'),
      render: (_, lead) => formatDate(lead.created_at, t),
    },
  ];

  const onTableChange: TableProps<Lead>['onChange'] = (_pagination, _filters, sorter) => {
    const { columnKey, order } = Array.isArray(sorter) ? sorter[0] : sorter;
    if (!order || !columnKey) return setFilters({ sort: undefined });
    setFilters({ sort: `${order === 'descend' ? '-' : ''}${String(columnKey)}` as LeadSort });
  };

  let body;
  if (query.isPending) {
    body = <ListSkeleton isMobile={isMobile} cardClassName="lead-card" />;
  } else if (query.isError) {
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (leads.length === 0) {
    body = hasFilters(filters) ? (
      <Empty description={t('leads.emptyFiltered')} className="empty-state">
        <Button onClick={clearFilters}>{t('leads.filters.clear')}</Button>
      </Empty>
    ) : (
      <Empty
        className="empty-state"
        description={
          <>
            <Typography.Title level={4}>{t('leads.emptyTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">
              {canWriteLeads ? t('leads.emptyHint') : t('leads.emptyHintReadOnly')}
            </Typography.Paragraph>
          </>
        }
      >
        {canWriteLeads && (
          <Button type="primary" size="large" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('leads.createFirst')}
          </Button>
        )}
      </Empty>
    );
  } else {
    body = (
      <>
        {isMobile ? (
          <LeadCards leads={leads} ownerLabel={ownerLabel} from={from} />
        ) : (
          <Table<Lead>
            rowKey="id"
            columns={columns}
            dataSource={leads}
            pagination={false}
            onChange={onTableChange}
            showSorterTooltip={false}
            className="lead-table"
            scroll={{ x: 900 }}
          />
        )}
        <LoadMoreFooter
          hasMore={query.hasNextPage}
          loading={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
          isMobile={isMobile}
          loadMoreText={t('leads.loadMore')}
          allShownText={t('leads.allShown', { count: leads.length })}
        />
      </>
    );
  }

  return (
    <div className="page lead-list-page">
      <Flex justify="space-between" align="center" className="page-header" gap={8}>
        <Typography.Title level={2} className="page-title">
          {t('leads.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <FindDuplicatesButton entity="leads" />
          {canWriteLeads && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              size={isMobile ? 'large' : 'middle'}
              onClick={() => setCreating(true)}
            >
              {t('leads.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <LeadFilterBar
        filters={filters}
        onChange={setFilters}
        onClear={clearFilters}
        isMobile={isMobile}
        assignees={assignees.data ?? []}
        meId={me.id}
      />
      <div aria-busy={query.isFetching}>
        {body}
      </div>
      {canWriteLeads && <LeadCreateDrawer open={creating} onClose={() => setCreating(false)} from={from} />}
    </div>
  );
}
