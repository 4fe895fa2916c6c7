import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { DetailLoadState } from '../../components/DetailLoadState';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import { formatDateTime } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSaveWithConflict } from '../../lib/use-save-with-conflict';
import { paths } from '../../paths';
import { useContact } from './api/get-contact';
import { useContactFollowUps } from './api/get-contact-follow-ups';
import { useUpdateContact } from './api/update-contact';
import { CompanyEditor } from './CompanyEditor';
import { CustomerTickets } from './CustomerTickets';
import { TextFieldEditor, type CustomerTextField } from './customer-fields';
import { OwnerEditor } from './owner-fields';
import { RecordConflictAlert } from './RecordConflictAlert';

const TEXT_FIELDS = ['title', 'phone', 'email'] as const satisfies CustomerTextField[];

export default function ContactDetail() {
  const { t } = useTranslation();
  const { contactId } = useParams();
  const id = Number(contactId);
  const valid = Number.isInteger(id) && id > 0;
  const query = useContact(id);
  const followUps = useContactFollowUps(id);
  const update = useUpdateContact(id);
  const { conflict, save, reload } = useSaveWithConflict({
    mutateAsync: update.mutateAsync,
    refetch: query.refetch,
    savedText: t('customers.saved'),
  });
  // Service staff read customers; the API lets only sales, managers and admins change them.
  const { canWriteSales: canWrite } = usePermissions();
  useDocumentTitle(query.data?.contact.name ?? t('contacts.title'));

  const back = (
    <Link to={paths.contacts} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('contacts.backToList')}
    </Link>
  );
  if (!valid || !query.isSuccess) {
    return <DetailLoadState valid={valid} query={query} back={back} notFoundTitle={t('contacts.notFound')} />;
  }
  const { contact } = query.data;
  return (
    <div className="page contact-detail-page">
      {back}
      <Typography.Title level={2} className="page-title">
        {contact.name}
      </Typography.Title>
      {conflict && <RecordConflictAlert onReload={() => void reload()} reloading={query.isFetching} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={<h3 className="card-title">{t('contacts.details')}</h3>} className="contact-details-card">
              <dl className="field-list">
                <TextFieldEditor
                  field="name"
                  label={t('contacts.fields.name')}
                  value={contact.name}
                  canEdit={canWrite}
                  save={save}
                  duplicates={{ entity: 'contacts', record: contact }}
                />
                <CompanyEditor
                  name="company_id"
                  label={t('contacts.fields.company')}
                  value={contact.company_id}
                  canEdit={canWrite}
                  onSave={(company_id) => save({ company_id })}
                />
                {TEXT_FIELDS.map((field) => (
                  <TextFieldEditor
                    key={field}
                    field={field}
                    label={t(`contacts.fields.${field}`)}
                    value={contact[field]}
                    canEdit={canWrite}
                    save={save}
                    duplicates={{ entity: 'contacts', record: contact }}
                  />
                ))}
                <OwnerEditor record={contact} label={t('contacts.fields.owner')} canWrite={canWrite} save={save} />
                <TextFieldEditor
                  field="description"
                  label={t('contacts.fields.description')}
                  value={contact.description}
                  canEdit={canWrite}
                  save={save}
                />
                <ReadOnlyField label={t('contacts.fields.createdAt')}>{formatDateTime(contact.created_at, t)}</ReadOnlyField>
              </dl>
            </Card>
            <CustomerTickets customer={{ contact_id: contact.id }} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <ActivityTimeline
            title={t('contacts.timeline')}
            query={followUps}
            emptyText={t('contacts.noTimeline')}
          />
        </Col>
      </Row>
    </div>
  );
}
