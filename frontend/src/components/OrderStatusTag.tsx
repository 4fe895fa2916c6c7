import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../api/types';

const COLORS: Record<OrderStatus, string> = {
  draft: 'default',
  confirmed: 'blue',
  shipped: 'purple',
  completed: 'green',
  cancelled: 'red',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`orders.statuses.${status}`)}</Tag>;
}
