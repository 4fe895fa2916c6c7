import { MergeCellsOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from '../../components/duplicates/api';
import { formatDate } from '../../lib/dates';
import type { DuplicateGroup } from './api/types';

/** One group of possible duplicates: why they match, the records, and what to do with them. */
export function GroupCard({
  group,
  canWrite,
  onCompare,
  onDismiss,
  dismissing,
}: {
  group: DuplicateGroup;
  canWrite: boolean;
  onCompare: () => void;
  onDismiss: () => void;
  dismissing: boolean;
}) {
  const { t } = useTranslation();
  const names = group.records.map((record) => record.label).join(', ');
  const rule = t(`duplicates.rules.${group.rule}`);
  return (
    <Card size="small" className="duplicate-group" aria-label={t('duplicates.groupLabel', { rule, records: names })} role="group">
      <Flex gap={8} wrap align="center" className="duplicate-group-head">
        <Tag color="orange">{rule}</Tag>
        <Typography.Text strong>{t('duplicates.score', { score: Math.round(group.score) })}</Typography.Text>
        <Typography.Text type="secondary">{t('duplicates.records', { count: group.records.length })}</Typography.Text>
      </Flex>
      <ul className="duplicate-records">
        {group.records.map((record) => (
          <li key={record.id}>
            <Link to={recordPath(group.entity, record.id)}>{record.label}</Link>
            <span className="duplicate-record-meta">
              {[record.email, record.phone, record.owner?.name ?? t('duplicates.noOwner'), t('duplicates.createdAt', { date: formatDate(record.created_at, t) })]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {canWrite && (
        <Flex gap={8} wrap className="duplicate-group-actions">
          <Button
            type="primary"
            icon={<MergeCellsOutlined aria-hidden />}
            onClick={onCompare}
            aria-label={t('duplicates.compareNamed', { records: names })}
          >
            {t('duplicates.compare')}
          </Button>
          <Button
            icon={<StopOutlined aria-hidden />}
            onClick={onDismiss}
            loading={dismissing}
            aria-label={t('duplicates.dismissNamed', { records: names })}
          >
            {t('duplicates.dismiss')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
