import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { AttachmentPanel } from '../../components/attachments/AttachmentPanel';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useCompany } from './api/get-company';
import { useCompanyContacts } from './api/get-company-contacts';
import { useCompanyFollowUps } from './api/get-company-follow-ups';
import { useCompanyOpportunities } from './api/get-company-opportunities';
import { Fields } from './Fields';
import { DetailLoadState } from '../../components/DetailLoadState';

const STATUS_COLORS = { open: 'blue', won: 'green', lost: 'default' } as const;

export default function CompanyDetail() {
  const { t, i18n } = useTranslation();
  const { companyId } = useParams();
  const id = Number(companyId);
  const valid = Number.isInteger(id) && id > 0;
  const query = useCompany(id);
  const contacts = useCompanyContacts(id);
  const opportunities = useCompanyOpportunities(id);
  const followUps = useCompanyFollowUps(id);
  useDocumentTitle(query.data?.name ?? t('companies.title'));

  const back = (
    <Link to={paths.companies} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('companies.backToList')}
    </Link>
  );
  if (!valid || !query.isSuccess) {
    return <DetailLoadState valid={valid} query={query} back={back} notFoundTitle={t('companies.notFound')} />;
  }
  const company = query.data;

  return (
    <div className="page company-detail-page">
      {back}
      <Typography.Title level={2} className="page-title">
        {company.name}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={<h3 className="card-title">{t('companies.details')}</h3>}>
              <Fields
                fields={[
                  [t('companies.fields.industry'), company.industry],
                  [t('companies.fields.size'), company.size],
                  [t('companies.fields.website'), company.website ? <a href={company.website} target="_blank" rel="noreferrer">{company.website}</a> : null],
                  [t('companies.fields.phone'), company.phone ? <a href={`tel:${company.phone}`}>{company.phone}</a> : null],
                  [t('companies.fields.address'), company.address],
                  [t('companies.fields.owner'), company.owner_name],
                  [t('companies.fields.description'), company.description ? <span className="pre-wrap">{company.description}</span> : null],
                  [t('companies.fields.createdAt'), formatDateTime(company.created_at, t)],
                ]}
              />
            </Card>
            <Card title={<h3 className="card-title">{t('companies.contacts')}</h3>}>
              {contacts.isError ? (
                <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} retrying={contacts.isFetching} />
              ) : contacts.isPending ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : contacts.data.length === 0 ? (
                <Empty description={t('companies.noContacts')} />
              ) : (
                <List
                  dataSource={contacts.data}
                  rowKey="id"
                  renderItem={(contact) => (
                    <List.Item>
                      <Flex vertical>
                        <Link to={paths.contact(contact.id)}>{contact.name}</Link>
                        <Typography.Text type="secondary">
                          {[contact.title, contact.phone, contact.email].filter(Boolean).join(' · ')}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Card title={<h3 className="card-title">{t('companies.opportunities')}</h3>}>
              {opportunities.isError ? (
                <ErrorState error={opportunities.error} onRetry={() => void opportunities.refetch()} retrying={opportunities.isFetching} />
              ) : opportunities.isPending ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : opportunities.data.length === 0 ? (
                <Empty description={t('companies.noOpportunities')} />
              ) : (
                <List
                  dataSource={opportunities.data}
                  rowKey="id"
                  renderItem={(opportunity) => (
                    <List.Item>
                      <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
                        <Link to={paths.opportunity(opportunity.id)}>{opportunity.name}</Link>
                        <span>
                          {formatMoney(opportunity.amount, opportunity.currency, i18n.language)}{' '}
                          <Tag color={STATUS_COLORS[opportunity.status]}>{t(`opportunities.statuses.${opportunity.status}`)}</Tag>
                        </span>
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <AttachmentPanel record="companies" recordId={company.id} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <ActivityTimeline
            title={t('companies.timeline')}
            items={followUps.data?.pages.flatMap((page) => page.items)}
            isPending={followUps.isPending}
            error={followUps.error}
            onRetry={() => void followUps.refetch()}
            retrying={followUps.isFetching}
            hasMore={followUps.hasNextPage}
            loadingMore={followUps.isFetchingNextPage}
            onLoadMore={() => void followUps.fetchNextPage()}
            emptyText={t('companies.noTimeline')}
          />
        </Col>
      </Row>
    </div>
  );
}
