import { ArrowLeftOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { AttachmentPanel } from '../../components/attachments/AttachmentPanel';
import { EditableField } from '../../components/EditableField';
import { ErrorState } from '../../components/ErrorState';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSaveWithConflict } from '../../lib/use-save-with-conflict';
import { paths } from '../../paths';
import { useCompany } from './api/get-company';
import { useCompanyContacts } from './api/get-company-contacts';
import { useCompanyFollowUps } from './api/get-company-follow-ups';
import { useCompanyOpportunities } from './api/get-company-opportunities';
import { useUpdateCompany } from './api/update-company';
import { CompanyEditor } from './CompanyEditor';
import { CustomerTickets } from './CustomerTickets';
import { ContactCreateDrawer } from './ContactCreateDrawer';
import { SizeSelect, TextFieldEditor, type CustomerTextField } from './customer-fields';
import { OwnerEditor } from './owner-fields';
import { RecordConflictAlert } from './RecordConflictAlert';
import { DetailLoadState } from '../../components/DetailLoadState';

const STATUS_COLORS = { open: 'blue', won: 'green', lost: 'default' } as const;
const TEXT_FIELDS = ['name', 'industry', 'website', 'phone', 'address'] as const satisfies CustomerTextField[];

export default function CompanyDetail() {
  const { t, i18n } = useTranslation();
  const { companyId } = useParams();
  const id = Number(companyId);
  const valid = Number.isInteger(id) && id > 0;
  const query = useCompany(id);
  const contacts = useCompanyContacts(id);
  const opportunities = useCompanyOpportunities(id);
  const followUps = useCompanyFollowUps(id);
  const update = useUpdateCompany(id);
  const { conflict, save, reload } = useSaveWithConflict({
    mutateAsync: update.mutateAsync,
    refetch: query.refetch,
    savedText: t('customers.saved'),
  });
  // Service staff read customers; the API lets only sales, managers and admins change them.
  const { canWriteSales: canWrite } = usePermissions();
  const [addingContact, setAddingContact] = useState(false);
  useDocumentTitle(query.data?.company.name ?? t('companies.title'));

  const back = (
    <Link to={paths.companies} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('companies.backToList')}
    </Link>
  );
  if (!valid || !query.isSuccess) {
    return <DetailLoadState valid={valid} query={query} back={back} notFoundTitle={t('companies.notFound')} />;
  }
  const { company } = query.data;

  return (
    <div className="page company-detail-page">
      {back}
      <Typography.Title level={2} className="page-title">
        {company.name}
      </Typography.Title>
      {conflict && <RecordConflictAlert onReload={() => void reload()} reloading={query.isFetching} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={<h3 className="card-title">{t('companies.details')}</h3>} className="company-details-card">
              <dl className="field-list">
                {TEXT_FIELDS.map((field) => (
                  <TextFieldEditor
                    key={field}
                    field={field}
                    label={t(`companies.fields.${field}`)}
                    value={company[field]}
                    canEdit={canWrite}
                    save={save}
                    duplicates={{ entity: 'companies', record: company }}
                  />
                ))}
                <EditableField
                  name="size"
                  label={t('companies.fields.size')}
                  value={company.size ?? null}
                  display={company.size ? t('customers.size', { size: company.size }) : undefined}
                  canEdit={canWrite}
                  input={<SizeSelect autoFocus />}
                  onSave={(size) => save({ size })}
                  handledStatuses={[412]}
                />
                <CompanyEditor
                  name="parent_id"
                  label={t('customers.parent')}
                  value={company.parent_id}
                  canEdit={canWrite}
                  onSave={(parent_id) => save({ parent_id })}
                />
                <OwnerEditor record={company} label={t('companies.fields.owner')} canWrite={canWrite} save={save} />
                <TextFieldEditor
                  field="description"
                  label={t('companies.fields.description')}
                  value={company.description}
                  canEdit={canWrite}
                  save={save}
                />
                <ReadOnlyField label={t('companies.fields.createdAt')}>{formatDateTime(company.created_at, t)}</ReadOnlyField>
              </dl>
            </Card>
            <Card
              title={<h3 className="card-title">{t('companies.contacts')}</h3>}
              extra={
                canWrite && (
                  <Button icon={<UserAddOutlined aria-hidden />} onClick={() => setAddingContact(true)}>
                    {t('customers.addContact')}
                  </Button>
                )
              }
            >
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
            <CustomerTickets customer={{ company_id: company.id }} />
            <AttachmentPanel record="companies" recordId={company.id} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <ActivityTimeline
            title={t('companies.timeline')}
            query={followUps}
            emptyText={t('companies.noTimeline')}
          />
        </Col>
      </Row>
      {canWrite && (
        <ContactCreateDrawer
          open={addingContact}
          onClose={() => setAddingContact(false)}
          company={{ id: company.id, name: company.name }}
        />
      )}
    </div>
  );
}
