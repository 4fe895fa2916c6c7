import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** The loading state of a record list: table rows on a laptop, cards on a phone. */
export function ListSkeleton({ isMobile, cardClassName }: { isMobile: boolean; cardClassName?: string }) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true" className="list-skeleton">
      <span className="sr-only">{t('common.loading')}</span>
      {Array.from({ length: isMobile ? 5 : 8 }, (_, index) =>
        isMobile ? (
          <Card size="small" key={index} className={cardClassName}>
            <Skeleton active title={{ width: '60%' }} paragraph={{ rows: 2 }} />
          </Card>
        ) : (
          <Skeleton key={index} active title={false} paragraph={{ rows: 1, width: '100%' }} />
        ),
      )}
    </div>
  );
}
