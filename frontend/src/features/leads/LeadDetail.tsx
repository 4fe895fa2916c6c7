import { Alert, App, Button, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import { isApiError } from '../../api/errors';
import type { Lead, LeadStatus } from '../../api/types';
import { AttachmentPanel } from '../../components/attachments/AttachmentPanel';
import { BackToListLink } from '../../components/BackToListLink';
import { ConflictAlert } from '../../components/ConflictAlert';
import { useDuplicateEditing } from '../../components/duplicates/use-duplicates-after-save';
import { EditableField } from '../../components/EditableField';
import { OwnerSelect } from '../../components/OwnerSelect';
import { formatDateTime } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSaveWithConflict } from '../../lib/use-save-with-conflict';
import { errorMessage } from '../../lib/messages';
import { paths } from '../../paths';
import { useAssignees } from '../../lib/assignees';
import { useLead } from './api/get-lead';
import { useUpdateLead } from './api/update-lead';
import { FollowUpTimeline } from './FollowUpTimeline';
import {
  LeadFieldInput,
  leadFieldRules,
  SourceSelect,
  type LeadTextField,
} from './LeadFormFields';
import { SETTABLE_STATUSES } from './lead-options';
import { NextFollowUp } from './NextFollowUp';
import { StatusTag } from './StatusTag';
import { ConvertLeadDrawer } from './ConvertLeadDrawer';
import { useOwnerLabel } from '../../lib/use-owner-label';
import { DetailLoadState } from '../../components/DetailLoadState';

const TEXT_FIELDS: LeadTextField[] = ['name', 'company_name', 'title', 'phone', 'email'];

function displayOf(lead: Lead, field: LeadTextField) {
  const value = lead[field];
  if (!value) return undefined;
  if (field === 'phone') return <a href={`tel:${value}`}>{value}</a>;
  if (field === 'email') return <a href={`mailto:${value}`}>{value}</a>;
  if (field === 'description') return <span className="pre-wrap">{value}</span>;
  return value;
}

/** Blank optional text means "none" to the API. */
function textValue(field: LeadTextField, value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  return text || (field === 'name' ? '' : null);
}

export default function LeadDetail() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { leadId } = useParams();
  const id = Number(leadId);
  const valid = Number.isInteger(id) && id > 0;
  const { canWriteLeads, canAssignLeads } = usePermissions();
  const query = useLead(id);
  const update = useUpdateLead(id);
  const assignees = useAssignees({ enabled: canAssignLeads });
  const ownerLabel = useOwnerLabel();
  const { conflict, save, reload } = useSaveWithConflict({
    mutateAsync: update.mutateAsync,
    refetch: query.refetch,
    savedText: t('leads.saved'),
  });
  const duplicates = useDuplicateEditing('leads', query.data?.lead);
  const [converting, setConverting] = useState(false);
  useDocumentTitle(query.data?.lead.name ?? t('leads.title'));

  const back = <BackToListLink to={paths.leads}>{t('leads.backToList')}</BackToListLink>;

  if (!valid || !query.isSuccess) {
    return <DetailLoadState valid={valid} query={query} back={back} notFoundTitle={t('leads.notFound')} />;
  }

  const { lead } = query.data;
  const converted = lead.status === 'converted';

  const changeStatus = (status: LeadStatus) =>
    save({ status }).catch((error: unknown) => {
      if (!isApiError(error, 412)) message.error(errorMessage(error, t));
    });

  return (
    <div className="page lead-detail-page">
      {back}
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <div className="lead-heading">
          <Typography.Title level={2} className="page-title">
            {lead.name}
          </Typography.Title>
          {lead.company_name && <Typography.Text type="secondary">{lead.company_name}</Typography.Text>}
        </div>
        <Flex gap={8} wrap align="center">
        {canWriteLeads && !converted && (
          <Button type="primary" size="large" onClick={() => setConverting(true)}>
            {t('convert.button')}
          </Button>
        )}
        {canWriteLeads && !converted ? (
          <Select<LeadStatus>
            aria-label={t('leads.fields.status')}
            value={lead.status}
            onChange={(status) => void changeStatus(status)}
            options={SETTABLE_STATUSES.map((status) => ({
              value: status,
              label: <StatusTag status={status} />,
            }))}
            className="status-select"
            size="large"
            disabled={update.isPending}
            popupMatchSelectWidth={false}
          />
        ) : (
          <StatusTag status={lead.status} />
        )}
        </Flex>
      </Flex>

      {converted && (lead.converted_company_id || lead.converted_opportunity_id || lead.converted_contact_id) && (
        <Alert
          type="success"
          showIcon
          className="converted-links"
          title={t('convert.convertedTo')}
          description={
            <Flex gap={16} wrap>
              {lead.converted_opportunity_id && (
                <Link to={paths.opportunity(lead.converted_opportunity_id)}>
                  {t('convert.openOpportunity', { name: lead.converted_opportunity_name ?? `#${lead.converted_opportunity_id}` })}
                </Link>
              )}
              {lead.converted_company_id && (
                <Link to={paths.company(lead.converted_company_id)}>
                  {t('convert.openCompany', { name: lead.converted_company_name ?? `#${lead.converted_company_id}` })}
                </Link>
              )}
              {lead.converted_contact_id && (
                <Link to={paths.contact(lead.converted_contact_id)}>
                  {t('convert.openContact', { name: lead.converted_contact_name ?? `#${lead.converted_contact_id}` })}
                </Link>
              )}
            </Flex>
          }
        />
      )}
      {canWriteLeads && (!converted || converting) && (
        <ConvertLeadDrawer lead={lead} open={converting} onClose={() => setConverting(false)} />
      )}

      {conflict && (
        <ConflictAlert
          title={t('leads.conflict.title')}
          detail={t('leads.conflict.detail')}
          reloadText={t('leads.conflict.reload')}
          onReload={() => void reload()}
          reloading={query.isFetching}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={<h3 className="card-title">{t('leads.details')}</h3>} className="lead-details-card">
            <dl className="field-list">
              {TEXT_FIELDS.map((field) => (
                <EditableField<string | null>
                  key={field}
                  name={field}
                  label={t(`leads.fields.${field}`)}
                  value={lead[field] ?? null}
                  display={displayOf(lead, field)}
                  canEdit={canWriteLeads}
                  rules={leadFieldRules(field, t)}
                  input={<LeadFieldInput field={field} autoFocus />}
                  onSave={(value) => save({ [field]: textValue(field, value) }).then(duplicates.saved(field, value))}
                  hint={duplicates.hint(field)}
                  handledStatuses={[412]}
                />
              ))}
              <EditableField
                name="source"
                label={t('leads.fields.source')}
                value={lead.source}
                display={t(`leads.sources.${lead.source}`)}
                canEdit={canWriteLeads}
                input={<SourceSelect />}
                onSave={(source) => save({ source })}
                handledStatuses={[412]}
              />
              <EditableField<number | null>
                name="owner_id"
                label={t('leads.fields.owner')}
                value={lead.owner_id ?? null}
                display={ownerLabel(lead)}
                canEdit={canWriteLeads && canAssignLeads}
                input={<OwnerSelect assignees={assignees.data ?? []} loading={assignees.isPending} />}
                onSave={(owner_id) => save({ owner_id })}
                handledStatuses={[412]}
              />
              <EditableField<string | null>
                name="description"
                label={t('leads.fields.description')}
                value={lead.description ?? null}
                display={displayOf(lead, 'description')}
                canEdit={canWriteLeads}
                rules={leadFieldRules('description', t)}
                input={<LeadFieldInput field="description" autoFocus />}
                onSave={(value) => save({ description: textValue('description', value) })}
                handledStatuses={[412]}
              />
              <div className="editable-field">
                <dt>{t('leads.fields.nextFollowUp')}</dt>
                <dd>
                  <NextFollowUp at={lead.next_follow_up_at} />
                </dd>
              </div>
              <div className="editable-field">
                <dt>{t('leads.fields.lastContacted')}</dt>
                <dd>
                  {lead.last_contacted_at ? (
                    formatDateTime(lead.last_contacted_at, t)
                  ) : (
                    <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>
                  )}
                </dd>
              </div>
              <div className="editable-field">
                <dt>{t('leads.fields.createdAt')}</dt>
                <dd>{formatDateTime(lead.created_at, t)}</dd>
              </div>
            </dl>
          </Card>
          <AttachmentPanel record="leads" recordId={lead.id} canWrite={canWriteLeads} />
        </Col>
        <Col xs={24} lg={14}>
          <FollowUpTimeline leadId={lead.id} canWrite={canWriteLeads} />
        </Col>
      </Row>
    </div>
  );
}
