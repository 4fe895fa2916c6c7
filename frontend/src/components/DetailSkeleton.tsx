import { Card, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** The loading state of a two-column record page: details on the left, activity on the right. */
export function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="page" aria-busy="true">
      <span className="sr-only">{t('common.loading')}</span>
      <Skeleton active title={{ width: 240 }} paragraph={{ rows: 1 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card>
            <Skeleton active avatar paragraph={{ rows: 5 }} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
