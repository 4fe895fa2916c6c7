import { WarningFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';

/** A ticket priority (tickets and the SLA settings show the same tag). */
export type Priority = components['schemas']['Ticket']['priority'];

const PRIORITY_COLORS: Record<Priority, string> = {
  urgent: 'error',
  high: 'magenta',
  normal: 'default',
  low: 'default',
};

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLORS[priority]} className="priority-tag">
      {priority === 'urgent' && <WarningFilled aria-hidden />} {t(`tickets.priorities.${priority}`)}
    </Tag>
  );
}
