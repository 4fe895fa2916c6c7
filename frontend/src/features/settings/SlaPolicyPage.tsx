import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { ErrorState } from '../../components/ErrorState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useIsMobile } from '../../lib/use-media-query';
import { useSlaPolicies } from './api/get-sla-policies';
import { mostUrgentFirst } from './sla-format';
import { SlaPolicyCard } from './SlaPolicyCard';
import './settings.css';

/** What the two targets mean and when a change takes effect. */
function SlaExplanation() {
  const { t } = useTranslation();
  return (
    <div className="sla-policy-explanation">
      <Typography.Paragraph>{t('slaPolicies.intro')}</Typography.Paragraph>
      <ul>
        <li>{t('slaPolicies.firstResponseMeans')}</li>
        <li>{t('slaPolicies.resolutionMeans')}</li>
      </ul>
      <Typography.Paragraph type="secondary">{t('slaPolicies.appliesToNew')}</Typography.Paragraph>
    </div>
  );
}

/** Settings: the SLA targets of each ticket priority. Everyone reads them; the admin edits them. */
export default function SlaPolicyPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canEdit = useCurrentUser().role === 'admin';
  useDocumentTitle(t('slaPolicies.title'));
  const query = useSlaPolicies();

  let body;
  if (query.isPending) {
    body = <ListSkeleton isMobile={isMobile} />;
  } else if (query.isError) {
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else {
    body = (
      <ul className="sla-policy-list" aria-label={t('slaPolicies.listLabel')}>
        {mostUrgentFirst(query.data).map((policy) => (
          <li key={policy.priority}>
            <SlaPolicyCard policy={policy} canEdit={canEdit} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="page sla-policy-page">
      <div className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('slaPolicies.title')}
        </Typography.Title>
      </div>
      <SlaExplanation />
      {/* A standing note, not news: antd's default role "alert" would interrupt screen readers. */}
      {!canEdit && <Alert type="info" showIcon role="note" title={t('slaPolicies.readOnly')} className="sla-policy-read-only" />}
      <div aria-busy={query.isFetching}>{body}</div>
    </div>
  );
}
