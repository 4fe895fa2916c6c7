import { ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isOverdue } from '../../lib/dates';

/** A lead's next open follow-up: overdue ones in red and said in words (not by colour only). */
export function NextFollowUp({ at, showNone = true }: { at: string | null; showNone?: boolean }) {
  const { t } = useTranslation();
  if (!at) {
    return showNone ? <Typography.Text type="secondary">{t('leads.noFollowUp')}</Typography.Text> : null;
  }
  if (isOverdue(at)) {
    return (
      <Typography.Text type="danger" className="next-follow-up overdue">
        <ExclamationCircleFilled aria-hidden /> {t('leads.overdue', { when: formatDateTime(at, t) })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text className="next-follow-up">
      <ClockCircleOutlined aria-hidden /> {formatDateTime(at, t)}
    </Typography.Text>
  );
}
