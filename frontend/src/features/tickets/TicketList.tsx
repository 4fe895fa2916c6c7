import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser, usePermissions } from '../../api/auth';
import type { FromList } from '../../components/BackToListLink';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { RowCheckbox, tableRowSelection } from '../../components/RowCheckbox';
import { useBulkSelection } from '../../components/use-bulk-selection';
import { ListSkeleton } from '../../components/ListSkeleton';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import { PriorityTag } from '../../components/PriorityTag';
import { TicketStatusTag } from '../../components/TicketStatusTag';
import { formatDateTime } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useIsMobile } from '../../lib/use-media-query';
import { useUrlFilters } from '../../lib/use-url-filters';
import { paths } from '../../paths';
import { ticketQuery, useTickets } from './api/get-tickets';
import { ticketKeys } from './api/keys';
import { CustomerFilterNote } from './CustomerFilterNote';
import { TicketCreateDrawer } from './TicketCreateDrawer';
import { TicketFilterBar } from './TicketFilterBar';
import { filtersFromParams, filtersToParams, hasFilters } from './ticket-filters';
import { TICKET_STATUSES } from './ticket-options';
import { CustomerRepliedBadge, SlaBadge } from './TicketTags';
import type { Ticket } from './types';
import { useCustomerFilter } from './use-customer-filter';
import './tickets.css';

function useAssigneeLabel() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (ticket: Ticket) => {
    if (!ticket.assignee_id) return t('tickets.assignees.none');
    if (ticket.assignee_id === me.id) return t('tickets.assignees.meName', { name: me.name });
    return ticket.assignee_name ?? `#${ticket.assignee_id}`;
  };
}

function TicketCards({
  tickets,
  from,
  selectedIds,
  onSelect,
}: {
  tickets: Ticket[];
  from: FromList;
  selectedIds: number[];
  onSelect: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const assigneeLabel = useAssigneeLabel();
  return (
    <ul className="ticket-cards" aria-label={t('tickets.title')}>
      {tickets.map((ticket) => (
        <li key={ticket.id} className="selectable-card">
          <RowCheckbox id={ticket.id} name={ticket.subject} selectedIds={selectedIds} onChange={onSelect} />
          <Link to={paths.ticket(ticket.id)} state={from} className="ticket-card-link">
            <Card size="small" className={`ticket-card${ticket.sla_breached ? ' breached' : ''}`}>
              <Flex justify="space-between" align="start" gap={8}>
                <div className="ticket-card-main">
                  <Typography.Text type="secondary" className="ticket-ref">
                    #{ticket.id} · {t(`tickets.kinds.${ticket.kind}`)}
                  </Typography.Text>
                  <Typography.Text strong className="ticket-card-subject">
                    {ticket.subject}
                  </Typography.Text>
                  <CustomerRepliedBadge ticket={ticket} />
                  {ticket.company_name && (
                    <Typography.Text type="secondary" ellipsis>
                      {ticket.company_name}
                    </Typography.Text>
                  )}
                </div>
                <Flex vertical gap={4} align="end">
                  <TicketStatusTag status={ticket.status} />
                  <PriorityTag priority={ticket.priority} />
                </Flex>
              </Flex>
              <Flex justify="space-between" gap={8} className="ticket-card-meta" wrap>
                <SlaBadge ticket={ticket} />
                <Typography.Text type="secondary">{assigneeLabel(ticket)}</Typography.Text>
              </Flex>
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function TicketList() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { params, filters, setFilters, clearFilters } = useUrlFilters(filtersFromParams, filtersToParams);
  // `?new=1` (the customer pages' "New ticket") opens the drawer on arrival.
  const [creating, setCreating] = useState(() => params.get('new') === '1');
  const customer = useCustomerFilter(filters);
  useDocumentTitle(t('tickets.title'));
  const assigneeLabel = useAssigneeLabel();
  const query = useTickets(filters);
  const closeDrawer = () => {
    setCreating(false);
    if (params.has('new')) setFilters({});
  };
  const tickets = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  const from: FromList = { listSearch: params.toString() };
  const { canAssignLeads } = usePermissions();
  const listQuery = useMemo(() => ticketQuery(filters), [filters]);
  const bulk = useBulkSelection<Ticket>({
    resource: 'tickets',
    list: query,
    query: listQuery,
    scope: JSON.stringify(filters),
    rowLabel: (ticket) => ticket.subject,
    listKey: ticketKeys.lists(),
    statuses: TICKET_STATUSES.map((value) => ({ value, label: t(`tickets.statuses.${value}`) })),
    canAssign: canAssignLeads,
  });

  const columns: TableProps<Ticket>['columns'] = [
    {
      key: 'subject',
      title: t('tickets.fields.subject'),
      render: (_, ticket) => (
        <div className="ticket-subject-cell">
          <Link to={paths.ticket(ticket.id)} state={from}>
            {ticket.subject}
          </Link>
          <Typography.Text type="secondary" ellipsis>
            #{ticket.id} · {t(`tickets.kinds.${ticket.kind}`)}
            {ticket.company_name ? ` · ${ticket.company_name}` : ''}
          </Typography.Text>
          <CustomerRepliedBadge ticket={ticket} />
        </div>
      ),
    },
    { key: 'status', title: t('tickets.fields.status'), width: 150, render: (_, ticket) => <TicketStatusTag status={ticket.status} /> },
    { key: 'priority', title: t('tickets.fields.priority'), width: 110, render: (_, ticket) => <PriorityTag priority={ticket.priority} /> },
    { key: 'sla', title: t('tickets.fields.sla'), width: 230, render: (_, ticket) => <SlaBadge ticket={ticket} /> },
    { key: 'assignee', title: t('tickets.fields.assignee'), width: 160, render: (_, ticket) => assigneeLabel(ticket) },
    {
      key: 'created_at',
      title: t('tickets.fields.createdAt'),
      width: 150,
      render: (_, ticket) => formatDateTime(ticket.created_at, t),
    },
  ];

  let body;
  if (query.isPending) {
    body = <ListSkeleton isMobile={isMobile} />;
  } else if (query.isError) {
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (tickets.length === 0) {
    body = hasFilters(filters) ? (
      <Empty description={t('tickets.emptyFiltered')} className="empty-state">
        <Button onClick={clearFilters}>{t('tickets.filters.clear')}</Button>
      </Empty>
    ) : (
      <Empty
        className="empty-state"
        description={
          <>
            <Typography.Title level={4}>{t('tickets.emptyTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('tickets.emptyHint')}</Typography.Paragraph>
          </>
        }
      >
        <Button type="primary" size="large" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('tickets.createFirst')}
        </Button>
      </Empty>
    );
  } else {
    body = (
      <>
        {isMobile ? (
          <TicketCards tickets={tickets} from={from} selectedIds={bulk.selection.selectedIds} onSelect={bulk.selection.onChange} />
        ) : (
          <Table<Ticket>
            rowKey="id"
            columns={columns}
            dataSource={tickets}
            pagination={false}
            className="ticket-table"
            rowSelection={tableRowSelection(bulk.selection.selectedIds, bulk.selection.onChange, (ticket: Ticket) => ticket.subject, (name) =>
              t('bulk.selectRow', { name }),
            )}
            rowClassName={(ticket) => (ticket.sla_breached ? 'ticket-row-breached' : '')}
            scroll={{ x: 960 }}
          />
        )}
        <LoadMoreFooter
          hasMore={query.hasNextPage}
          loading={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
          isMobile={isMobile}
          loadMoreText={t('tickets.loadMore')}
          allShownText={t('tickets.allShown', { count: tickets.length })}
        />
      </>
    );
  }

  return (
    <div className="page ticket-list-page">
      <Flex justify="space-between" align="center" className="page-header" gap={8} wrap>
        <Typography.Title level={2} className="page-title">
          {t('tickets.title')}
        </Typography.Title>
        <Flex gap={8} wrap justify="end">
          <ExportButton resource="tickets" query={listQuery} size={isMobile ? 'large' : 'middle'} />
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            size={isMobile ? 'large' : 'middle'}
            onClick={() => setCreating(true)}
          >
            {t('tickets.new')}
          </Button>
        </Flex>
      </Flex>
      <TicketFilterBar
        filters={filters}
        company={customer.company}
        onChange={setFilters}
        onClear={clearFilters}
        isMobile={isMobile}
      />
      {customer.contact && (
        <CustomerFilterNote
          text={t('tickets.filters.contactOnly', { name: customer.contact.name })}
          clearText={t('tickets.filters.allContacts')}
          onClear={() => setFilters({ contact: undefined })}
        />
      )}
      {bulk.bar}
      <div aria-busy={query.isFetching}>{body}</div>
      {/* Keyed by the customer: a new filter starts the form with its company and contact. */}
      <TicketCreateDrawer
        key={`${customer.preset.company?.id ?? ''}/${customer.preset.contact?.id ?? ''}`}
        open={creating && customer.presetReady}
        onClose={closeDrawer}
        from={from}
        customer={customer.preset}
      />
    </div>
  );
}
