import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PriorityTag } from '../../components/PriorityTag';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import { formatDateTime } from '../../lib/dates';
import { formatHours, formatRelative } from './sla-format';
import { SlaPolicyForm } from './SlaPolicyForm';
import type { SlaPolicy } from './types';

function ChangedAt({ iso }: { iso: string }) {
  const { t, i18n } = useTranslation();
  const when = formatRelative(iso, i18n.language);
  return (
    <Typography.Text type="secondary">
      <time dateTime={iso} title={formatDateTime(iso, t)}>
        {when ? t('slaPolicies.changed', { when }) : t('slaPolicies.changedJustNow')}
      </time>
    </Typography.Text>
  );
}

/** Whether the hours are the built-in ones, or when an admin last changed them. */
function PolicyOrigin({ policy }: { policy: SlaPolicy }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center" className="sla-policy-origin">
      {policy.is_default && <Tag>{t('slaPolicies.default')}</Tag>}
      {policy.updated_at && <ChangedAt iso={policy.updated_at} />}
    </Flex>
  );
}

/** One priority's targets: an editor for the admin, the values in words for everyone else. */
export function SlaPolicyCard({ policy, canEdit }: { policy: SlaPolicy; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = `sla-policy-${policy.priority}`;
  return (
    <section aria-labelledby={headingId}>
      <Card
        size="small"
        className="sla-policy-card"
        title={
          <h3 id={headingId} className="sla-policy-heading">
            <PriorityTag priority={policy.priority} />
          </h3>
        }
      >
        <PolicyOrigin policy={policy} />
        {canEdit ? (
          <SlaPolicyForm policy={policy} priorityLabel={t(`tickets.priorities.${policy.priority}`)} />
        ) : (
          <dl className="sla-policy-values">
            <ReadOnlyField label={t('slaPolicies.firstResponse')}>{formatHours(policy.first_response_hours, t)}</ReadOnlyField>
            <ReadOnlyField label={t('slaPolicies.resolution')}>{formatHours(policy.resolution_hours, t)}</ReadOnlyField>
          </dl>
        )}
      </Card>
    </section>
  );
}
