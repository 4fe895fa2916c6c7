import { ArrowLeftOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import { isApiError } from '../../api/errors';
import type { OrderLine, OrderStatus } from '../../api/types';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/messages';
import { formatMoney, formatQuantity } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useIsMobile } from '../../lib/use-media-query';
import { paths } from '../../paths';
import { useOrder } from './api/get-order';
import { ORDER_TRANSITIONS, useSetOrderStatus } from './api/update-order';
import { OrderStatusTag } from '../../components/OrderStatusTag';
import { DetailLoadState } from '../../components/DetailLoadState';
import { LineItemsTable } from '../../components/LineItemsTable';

export default function OrderDetail() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const { orderId } = useParams();
  const id = Number(orderId);
  const valid = Number.isInteger(id) && id > 0;
  const { canWriteSales } = usePermissions();
  const query = useOrder(id);
  const setStatus = useSetOrderStatus(id);
  useDocumentTitle(query.data?.order.number ?? t('orders.title'));

  const back = (
    <Link to={paths.orders} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('orders.backToList')}
    </Link>
  );
  if (!valid || !query.isSuccess) {
    return <DetailLoadState valid={valid} query={query} back={back} notFoundTitle={t('orders.notFound')} />;
  }

  const { order } = query.data;
  const money = (amount: string | null | undefined) => formatMoney(amount, order.currency, i18n.language);
  const itemName = (line: OrderLine) =>
    line.description || line.product_name || (line.product_id ? `#${line.product_id}` : '');
  const transitions = canWriteSales ? ORDER_TRANSITIONS[order.status] : [];

  const move = async (status: OrderStatus) => {
    try {
      await setStatus.mutateAsync(status);
      message.success(t('orders.statusChanged', { status: t(`orders.statuses.${status}`) }));
    } catch (error) {
      message.error(errorMessage(error, t));
      if (isApiError(error, 412) || isApiError(error, 409)) void query.refetch();
    }
  };

  const shortMark = (line: OrderLine) =>
    line.stock_short ? (
      <Tag color="error" icon={<WarningOutlined aria-hidden />}>
        {t('orders.stockShort')}
        {line.stock_on_hand !== null && line.stock_on_hand !== undefined &&
          ` · ${t('orders.stockOnHand', { quantity: formatQuantity(line.stock_on_hand, i18n.language) })}`}
      </Tag>
    ) : null;

  return (
    <div className="page order-detail-page">
      {back}
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <div>
          <Typography.Title level={2} className="page-title">
            {order.number}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <OrderStatusTag status={order.status} />
            <Typography.Text strong>{money(order.total)}</Typography.Text>
          </Flex>
        </div>
        {transitions.length > 0 && (
          <Flex gap={8} wrap role="group" aria-label={t('orders.fields.status')}>
            {transitions.map((status) =>
              status === 'cancelled' ? (
                <Popconfirm
                  key={status}
                  title={t('orders.cancelConfirm')}
                  okText={t('orders.actions.cancelled')}
                  cancelText={t('orders.keep')}
                  okButtonProps={{ danger: true }}
                  // antd's Popconfirm keeps its OK button loading while the promise it is handed runs (its type says void).
                  // eslint-disable-next-line @typescript-eslint/no-misused-promises
                  onConfirm={() => move(status)}
                >
                  <Button size="large" danger disabled={setStatus.isPending}>
                    {t('orders.actions.cancelled')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button key={status} size="large" type="primary" loading={setStatus.isPending} onClick={() => void move(status)}>
                  {t(`orders.actions.${status}`)}
                </Button>
              ),
            )}
          </Flex>
        )}
      </Flex>

      {order.stock_warnings && order.stock_warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('orders.stockWarnings')}
          description={
            <ul className="plain-list">
              {order.stock_warnings.map((warning) => (
                <li key={warning.product_id}>{warning.message}</li>
              ))}
            </ul>
          }
        />
      )}

      <LineItemsTable
        title={t('orders.lines')}
        className="order-lines"
        lines={order.lines ?? []}
        currency={order.currency}
        itemTitle={t('orders.description')}
        itemName={itemName}
        itemNote={shortMark}
        isMobile={isMobile}
      />
      <Card className="order-meta">
        <dl className="field-list">
          {order.company_id && (
            <div className="editable-field">
              <dt>{t('orders.fields.company')}</dt>
              <dd>
                <Link to={paths.company(order.company_id)}>{order.company_name}</Link>
                {order.contact_id && ` · ${order.contact_name}`}
              </dd>
            </div>
          )}
          <div className="editable-field">
            <dt>{t('orders.fields.owner')}</dt>
            <dd>{order.owner_name ?? t('common.notSet')}</dd>
          </div>
          {order.opportunity_id && (
            <div className="editable-field">
              <dt>{t('orders.fields.opportunity')}</dt>
              <dd>
                <Link to={paths.opportunity(order.opportunity_id)}>{order.opportunity_name ?? `#${order.opportunity_id}`}</Link>
              </dd>
            </div>
          )}
          <div className="editable-field">
            <dt>{t('orders.fields.createdAt')}</dt>
            <dd>{formatDateTime(order.created_at, t)}</dd>
          </div>
          {order.notes && (
            <div className="editable-field">
              <dt>{t('orders.fields.notes')}</dt>
              <dd className="pre-wrap">{order.notes}</dd>
            </div>
          )}
        </dl>
      </Card>
    </div>
  );
}
