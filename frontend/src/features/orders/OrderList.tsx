import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Order, OrderStatus } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { OrderStatusTag } from '../../components/OrderStatusTag';
import { RecordList, type RecordColumn } from '../../components/RecordList';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useOrders } from './api/get-orders';
import { ORDER_TRANSITIONS } from './api/update-order';

const STATUSES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

export default function OrderList() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('orders.title'));
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((value) => value === params.get('status'));
  const query = useOrders(status);

  const columns: RecordColumn<Order>[] = [
    { key: 'number', title: t('orders.fields.number'), render: (row) => <Link to={paths.order(row.id)}>{row.number}</Link> },
    { key: 'status', title: t('orders.fields.status'), render: (row) => <OrderStatusTag status={row.status} /> },
    { key: 'total', title: t('orders.fields.total'), align: 'right', render: (row) => formatMoney(row.total, row.currency, i18n.language) },
    { key: 'owner', title: t('orders.fields.owner'), render: (row) => row.owner_name ?? '' },
    { key: 'created', title: t('orders.fields.createdAt'), render: (row) => formatDateTime(row.created_at, t) },
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
        <ExportButton resource="orders" query={{ status: status ? [status] : undefined }} size="large" />
      </Flex>
      <RecordList
        query={query}
        columns={columns}
        emptyText={t('orders.emptyTitle')}
        loadMoreText={t('orders.loadMore')}
        renderCard={(row) => (
          <>
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
          </>
        )}
      />
    </div>
  );
}
