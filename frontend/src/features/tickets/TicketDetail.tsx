import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/errors';
import { AttachmentPanel } from '../../components/attachments/AttachmentPanel';
import { BackToListLink } from '../../components/BackToListLink';
import { ConflictAlert } from '../../components/ConflictAlert';
import { EditableField } from '../../components/EditableField';
import { PriorityTag } from '../../components/PriorityTag';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSaveWithConflict } from '../../lib/use-save-with-conflict';
import { paths } from '../../paths';
import { useTicketAssignees } from './api/get-assignees';
import { getCustomerContact } from './api/get-customer';
import { useTicket } from './api/get-ticket';
import { useUpdateTicket } from './api/update-ticket';
import { CustomerCard } from './CustomerCard';
import { CompanyPicker, type Chosen } from '../../components/CompanyPicker';
import { ContactPicker } from './CustomerPickers';
import { RequestFilesDialog } from './RequestFilesDialog';
import { TicketComments } from './TicketComments';
import { TICKET_PRIORITIES, TICKET_TRANSITIONS } from './ticket-options';
import { CustomerRepliedBadge, SlaBadge } from './TicketTags';
import type { Ticket, TicketPriority, TicketStatus, TicketUpdate } from './types';
import './tickets.css';
import { DetailLoadState } from '../../components/DetailLoadState';
import { TicketStatusTag } from '../../components/TicketStatusTag';

/** The statuses offered for a ticket: where it is, and where it may go from there. */
export function statusOptions(status: TicketStatus): TicketStatus[] {
  return [status, ...TICKET_TRANSITIONS[status]];
}

/** Who a ticket may be given to: nobody, me, and (for admins, managers and service staff) every
 * admin, manager and service user. */
function AssigneeSelect({ ticket, value, onChange, id }: { ticket: Ticket; value?: number | null; onChange?: (v: number | null) => void; id?: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const assignees = useTicketAssignees({ enabled: me.role !== 'sales' });
  const options = new Map<number, string>();
  options.set(me.id, t('tickets.assignees.meName', { name: me.name }));
  if (ticket.assignee_id && ticket.assignee_id !== me.id) {
    options.set(ticket.assignee_id, ticket.assignee_name ?? `#${ticket.assignee_id}`);
  }
  for (const user of assignees.data ?? []) if (!options.has(user.id)) options.set(user.id, user.name);
  return (
    <Select<number>
      id={id}
      autoFocus
      value={value ?? -1}
      onChange={(next) => onChange?.(next === -1 ? null : next)}
      loading={assignees.isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      options={[
        { value: -1, label: t('tickets.assignees.none') },
        ...[...options].map(([userId, label]) => ({ value: userId, label })),
      ]}
    />
  );
}

function chosen(id: number | null, name: string | null): Chosen | null {
  return id ? { id, name: name ?? `#${id}` } : null;
}

/** The company picker of the Details card; says when the ticket's contact goes with the old company. */
function CompanyEditor({ ticket, value, onChange, id }: { ticket: Ticket; value?: number | null; onChange?: (v: number | null) => void; id?: string }) {
  const { t } = useTranslation();
  const changed = (value ?? null) !== ticket.company_id;
  return (
    <>
      <CompanyPicker id={id} autoFocus value={value} onChange={onChange} chosen={chosen(ticket.company_id, ticket.company_name)} />
      {changed && ticket.company_id && ticket.contact_id && (
        <Typography.Text type="secondary" className="field-note" role="status">
          {t('tickets.customer.contactCleared', { name: ticket.contact_name ?? `#${ticket.contact_id}` })}
        </Typography.Text>
      )}
    </>
  );
}

export default function TicketDetail() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { ticketId } = useParams();
  const id = Number(ticketId);
  const valid = Number.isInteger(id) && id > 0;
  const me = useCurrentUser();
  const query = useTicket(id, { enabled: valid });
  const update = useUpdateTicket(id);
  const { conflict, save, reload } = useSaveWithConflict({
    mutateAsync: update.mutateAsync,
    refetch: query.refetch,
    savedText: t('tickets.saved'),
  });
  const [requesting, setRequesting] = useState(false);
  useDocumentTitle(query.data ? `#${query.data.ticket.id} ${query.data.ticket.subject}` : t('tickets.title'));

  const back = <BackToListLink to={paths.tickets}>{t('tickets.backToList')}</BackToListLink>;

  if (!valid || !query.isSuccess) {
    return <DetailLoadState valid={valid} query={query} back={back} notFoundTitle={t('tickets.notFound')} />;
  }

  const { ticket } = query.data;

  /** A new company (or none) also clears a contact who works elsewhere, in the same PATCH. */
  const saveCompany = async (value: number | null | undefined) => {
    const companyId = value ?? null;
    if (companyId === ticket.company_id) return;
    const patch: TicketUpdate = { company_id: companyId };
    if (ticket.contact_id) {
      // The API checks a contact against the ticket's company, so a contact set together with a
      // company works there; one set without a company may work for the new one (asked of the
      // contact itself: a 404 means the user cannot see them, so they go too).
      const contactId = ticket.contact_id;
      const keep =
        !ticket.company_id && companyId !== null
          ? (await getCustomerContact(contactId).catch(() => null))?.company_id === companyId
          : false;
      if (!keep) patch.contact_id = null;
    }
    await save(patch);
  };

  const saveContact = async (value: number | null | undefined) => {
    const contactId = value ?? null;
    if (contactId !== ticket.contact_id) await save({ contact_id: contactId });
  };

  const changeStatus = (status: TicketStatus) =>
    save({ status }).catch((error: unknown) => {
      if (!isApiError(error, 412)) message.error(errorMessage(error, t));
    });

  const assigneeLabel = !ticket.assignee_id
    ? t('tickets.assignees.none')
    : ticket.assignee_id === me.id
      ? t('tickets.assignees.meName', { name: me.name })
      : (ticket.assignee_name ?? `#${ticket.assignee_id}`);

  return (
    <div className="page ticket-detail-page">
      {back}
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <div className="ticket-heading">
          <Typography.Text type="secondary">
            #{ticket.id} · {t(`tickets.kinds.${ticket.kind}`)} · {t(`tickets.channels.${ticket.channel}`)}
          </Typography.Text>
          <Typography.Title level={2} className="page-title">
            {ticket.subject}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            <PriorityTag priority={ticket.priority} />
            <SlaBadge ticket={ticket} both />
            <CustomerRepliedBadge ticket={ticket} />
          </Flex>
        </div>
        <Flex gap={8} wrap align="center">
          <Button size="large" icon={<CloudUploadOutlined aria-hidden />} onClick={() => setRequesting(true)}>
            {t('tickets.uploadLinks.open')}
          </Button>
          <Select<TicketStatus>
            aria-label={t('tickets.fields.status')}
            value={ticket.status}
            onChange={(status) => void changeStatus(status)}
            options={statusOptions(ticket.status).map((status) => ({
              value: status,
              label: status === ticket.status ? <TicketStatusTag status={status} /> : t(`tickets.moveTo.${status}`),
            }))}
            className="status-select"
            size="large"
            disabled={update.isPending}
            popupMatchSelectWidth={false}
          />
        </Flex>
      </Flex>

      {conflict && (
        <ConflictAlert
          title={t('tickets.conflict.title')}
          detail={t('tickets.conflict.detail')}
          reloadText={t('tickets.conflict.reload')}
          onReload={() => void reload()}
          reloading={query.isFetching}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={<h3 className="card-title">{t('tickets.details')}</h3>}>
              <dl className="field-list">
                <EditableField<string>
                  name="subject"
                  label={t('tickets.fields.subject')}
                  value={ticket.subject}
                  canEdit
                  rules={[
                    { required: true, whitespace: true, message: t('tickets.form.subjectRequired') },
                    { max: 200, message: t('tickets.form.tooLong', { max: 200 }) },
                  ]}
                  input={<Input autoFocus />}
                  onSave={(subject) => save({ subject: subject.trim() })}
                  handledStatuses={[412]}
                />
                <EditableField<TicketPriority>
                  name="priority"
                  label={t('tickets.fields.priority')}
                  value={ticket.priority}
                  display={<PriorityTag priority={ticket.priority} />}
                  canEdit
                  input={
                    <Select
                      autoFocus
                      options={TICKET_PRIORITIES.map((priority) => ({ value: priority, label: t(`tickets.priorities.${priority}`) }))}
                    />
                  }
                  onSave={(priority) => save({ priority })}
                  handledStatuses={[412]}
                />
                <EditableField<number | null>
                  name="assignee_id"
                  label={t('tickets.fields.assignee')}
                  value={ticket.assignee_id}
                  display={assigneeLabel}
                  canEdit
                  input={<AssigneeSelect ticket={ticket} />}
                  onSave={(assignee_id) => save({ assignee_id })}
                  handledStatuses={[412]}
                />
                <EditableField<number | null>
                  name="company_id"
                  label={t('tickets.fields.company')}
                  value={ticket.company_id}
                  display={
                    ticket.company_id ? <Link to={paths.company(ticket.company_id)}>{ticket.company_name ?? `#${ticket.company_id}`}</Link> : undefined
                  }
                  canEdit
                  input={<CompanyEditor ticket={ticket} />}
                  onSave={saveCompany}
                  handledStatuses={[412]}
                />
                <EditableField<number | null>
                  name="contact_id"
                  label={t('tickets.fields.contact')}
                  value={ticket.contact_id}
                  display={
                    ticket.contact_id ? (
                      <Link to={paths.contact(ticket.contact_id)}>{ticket.contact_name ?? `#${ticket.contact_id}`}</Link>
                    ) : !ticket.company_id ? (
                      <Typography.Text type="secondary">{t('tickets.form.contactNeedsCompany')}</Typography.Text>
                    ) : undefined
                  }
                  canEdit={!!ticket.company_id || !!ticket.contact_id}
                  input={<ContactPicker autoFocus companyId={ticket.company_id} chosen={chosen(ticket.contact_id, ticket.contact_name)} />}
                  onSave={saveContact}
                  handledStatuses={[412]}
                />
                <EditableField<string | null>
                  name="description"
                  label={t('tickets.fields.description')}
                  value={ticket.description}
                  display={ticket.description ? <span className="pre-wrap">{ticket.description}</span> : undefined}
                  canEdit
                  input={<Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 10 }} />}
                  onSave={(value) => save({ description: value?.trim() || null })}
                  handledStatuses={[412]}
                />
                <ReadOnlyField label={t('tickets.fields.firstResponseDue')}>
                  {formatDateTime(ticket.first_response_due_at, t)}
                  {ticket.first_responded_at && (
                    <Typography.Text type="secondary">
                      {' '}
                      · {t('tickets.sla.respondedAt', { when: formatDateTime(ticket.first_responded_at, t) })}
                    </Typography.Text>
                  )}
                </ReadOnlyField>
                <ReadOnlyField label={t('tickets.fields.resolutionDue')}>
                  {formatDateTime(ticket.resolution_due_at, t)}
                  {ticket.sla_paused_at && (
                    <Typography.Text type="secondary">
                      {' '}
                      · {t('tickets.sla.pausedSince', { when: formatDateTime(ticket.sla_paused_at, t) })}
                    </Typography.Text>
                  )}
                  {ticket.resolved_at && (
                    <Typography.Text type="secondary">
                      {' '}
                      · {t('tickets.sla.resolvedAt', { when: formatDateTime(ticket.resolved_at, t) })}
                    </Typography.Text>
                  )}
                </ReadOnlyField>
                <ReadOnlyField label={t('tickets.fields.createdAt')}>{formatDateTime(ticket.created_at, t)}</ReadOnlyField>
              </dl>
            </Card>
            <AttachmentPanel record="tickets" recordId={ticket.id} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <CustomerCard ticket={ticket} />
            <TicketComments ticketId={ticket.id} />
          </Flex>
        </Col>
      </Row>
      <RequestFilesDialog ticketId={ticket.id} open={requesting} onClose={() => setRequesting(false)} />
    </div>
  );
}
