import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadStatus } from '../../api/types';
import { STATUS_COLORS } from './lead-options';

export function StatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} className="status-tag" variant="filled">
      {t(`leads.statuses.${status}`)}
    </Tag>
  );
}
