import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder while a page's code or data loads: never a blank screen. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="page" aria-busy="true" aria-live="polite">
      <span className="sr-only">{t('common.loading')}</span>
      <Card>
        <Skeleton active title paragraph={{ rows }} />
      </Card>
    </div>
  );
}

/** Full-screen placeholder while the login is restored on page load. */
export function BootSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="boot" aria-busy="true">
      <span className="sr-only">{t('common.loading')}</span>
      <Skeleton.Avatar active size="large" shape="square" />
      <Skeleton active paragraph={{ rows: 3 }} />
    </div>
  );
}
