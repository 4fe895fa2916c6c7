import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';

/** A ticket status (the ticket pages and the customer pages show the same tag). */
export type TicketStatus = components['schemas']['Ticket']['status'];

const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'geekblue',
  waiting_on_customer: 'purple',
  resolved: 'success',
  closed: 'default',
};

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} variant="filled" className="status-tag">
      {t(`tickets.statuses.${status}`)}
    </Tag>
  );
}
