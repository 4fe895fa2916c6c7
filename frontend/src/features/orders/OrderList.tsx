import { Button, Card, Empty, Flex, List, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Order, OrderStatus } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useIsMobile } from '../../lib/use-media-query';
import { paths } from '../../paths';
import { useOrders } from './api/get-orders';
import { ORDER_TRANSITIONS } from './api/update-order';
import { OrderStatusTag } from '../../components/OrderStatusTag';

const STATUSES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

export default function OrderList() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('orders.title'));
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((value) => value === params.get('status'));
  const query = useOrders(status);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: ColumnsType<Order> = [
    { key: 'number', title: t('orders.fields.number'), render: (_, row) => <Link to={paths.order(row.id)}>{row.number}</Link> },
    { key: 'status', title: t('orders.fields.status'), render: (_, row) => <OrderStatusTag status={row.status} /> },
    { key: 'total', title: t('orders.fields.total'), align: 'right', render: (_, row) => formatMoney(row.total, row.currency, i18n.language) },
    { key: 'owner', title: t('orders.fields.owner'), render: (_, row) => row.owner_name ?? '' },
    { key: 'created', title: t('orders.fields.createdAt'), render: (_, row) => formatDateTime(row.created_at, t) },
  ];

  return (
    <div className="page order-list-page">
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('orders.title')}
        </Typography.Title>
        <Select
          size="large"
          allowClear
          aria-label={t('orders.fields.status')}
          placeholder={t('opportunities.filters.allStatuses')}
          value={status}
          onChange={(value?: OrderStatus) => setParams(value ? { status: value } : {}, { replace: true })}
          options={STATUSES.map((value) => ({ value, label: t(`orders.statuses.${value}`) }))}
          popupMatchSelectWidth={false}
          className="filter-select"
        />
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.isPending ? (
        <div aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      ) : items.length === 0 ? (
        <Empty description={t('orders.emptyTitle')} />
      ) : isMobile ? (
        <List
          dataSource={items}
          rowKey="id"
          renderItem={(row) => (
            <List.Item className="list-card-item">
            <Card size="small" className="list-card">
              <Flex justify="space-between" wrap gap={4}>
                <Link to={paths.order(row.id)} className="list-card-title">
                  {row.number}
                </Link>
                <OrderStatusTag status={row.status} />
              </Flex>
              <Flex justify="space-between" wrap gap={4}>
                <span>{formatMoney(row.total, row.currency, i18n.language)}</span>
                <Typography.Text type="secondary">{formatDateTime(row.created_at, t)}</Typography.Text>
              </Flex>
            </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Order> rowKey="id" columns={columns} dataSource={items} pagination={false} />
      )}
      {query.hasNextPage && (
        <Button block size="large" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} className="load-more">
          {t('orders.loadMore')}
        </Button>
      )}
    </div>
  );
}
