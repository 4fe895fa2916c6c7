import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { formatDateTime } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useCompany } from './api/get-company';
import { useContact } from './api/get-contact';
import { useContactFollowUps } from './api/get-contact-follow-ups';
import { Fields } from './Fields';
import { DetailLoadState } from '../../components/DetailLoadState';

function CompanyLink({ id }: { id: number }) {
  const company = useCompany(id);
  return <Link to={paths.company(id)}>{company.data?.name ?? `#${id}`}</Link>;
}

export default function ContactDetail() {
  const { t } = useTranslation();
  const { contactId } = useParams();
  const id = Number(contactId);
  const valid = Number.isInteger(id) && id > 0;
  const query = useContact(id);
  const followUps = useContactFollowUps(id);
  useDocumentTitle(query.data?.name ?? t('contacts.title'));

  const back = (
    <Link to={paths.contacts} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('contacts.backToList')}
    </Link>
  );
  if (!valid || !query.isSuccess) {
    return <DetailLoadState valid={valid} query={query} back={back} notFoundTitle={t('contacts.notFound')} />;
  }
  const contact = query.data;
  return (
    <div className="page contact-detail-page">
      {back}
      <Typography.Title level={2} className="page-title">
        {contact.name}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={<h3 className="card-title">{t('contacts.details')}</h3>}>
            <Fields
              fields={[
                [t('contacts.fields.company'), contact.company_id ? <CompanyLink id={contact.company_id} /> : null],
                [t('contacts.fields.title'), contact.title],
                [t('contacts.fields.phone'), contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : null],
                [t('contacts.fields.email'), contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null],
                [t('contacts.fields.owner'), contact.owner_name],
                [t('contacts.fields.description'), contact.description ? <span className="pre-wrap">{contact.description}</span> : null],
                [t('contacts.fields.createdAt'), formatDateTime(contact.created_at, t)],
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <ActivityTimeline
            title={t('contacts.timeline')}
            items={followUps.data?.pages.flatMap((page) => page.items)}
            isPending={followUps.isPending}
            error={followUps.error}
            onRetry={() => void followUps.refetch()}
            retrying={followUps.isFetching}
            hasMore={followUps.hasNextPage}
            loadingMore={followUps.isFetchingNextPage}
            onLoadMore={() => void followUps.fetchNextPage()}
            emptyText={t('contacts.noTimeline')}
          />
        </Col>
      </Row>
    </div>
  );
}
