import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FromList } from '../../components/BackToListLink';
import { CompanyPicker, type Chosen } from '../../components/CompanyPicker';
import { CreateRecordDrawer } from '../../components/CreateRecordDrawer';
import { withoutBlanks } from '../../lib/forms';
import { paths } from '../../paths';
import { useCreateTicket } from './api/create-ticket';
import { ContactPicker } from './CustomerPickers';
import { TICKET_CHANNELS, TICKET_KINDS, TICKET_PRIORITIES } from './ticket-options';
import type { TicketCreate } from './types';

const FORM_FIELDS = ['kind', 'subject', 'description', 'priority', 'channel', 'company_id', 'contact_id'];

interface Props {
  open: boolean;
  onClose: () => void;
  from?: FromList;
  /** The customer the new ticket is for, when the list shows one customer's tickets. */
  customer?: CustomerPreset;
}

/** The company and contact a new ticket starts with, by name so the pickers can show them. */
export interface CustomerPreset {
  company: Chosen | null;
  contact: Chosen | null;
}

/** A new ticket: what kind, what it is about, how urgent, where it came from, which customer. */
export function TicketCreateDrawer({ open, onClose, from, customer }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TicketCreate>();
  const companyId = Form.useWatch<number | null | undefined>('company_id', form);
  const mutation = useCreateTicket();

  return (
    <CreateRecordDrawer
      open={open}
      onClose={onClose}
      title={t('tickets.createTitle')}
      submitText={t('tickets.create')}
      className="ticket-create-drawer"
      width={520}
      form={form}
      formName="ticket-create"
      initialValues={{
        kind: 'complaint',
        priority: 'normal',
        channel: 'phone',
        company_id: customer?.company?.id,
        contact_id: customer?.contact?.id,
      }}
      fieldNames={FORM_FIELDS}
      mutation={mutation}
      // A cleared customer picker answers null, which means "not given" here.
      toBody={(values) => withoutBlanks(values, { dropNull: true })}
      onCreated={({ ticket }) => ({ message: t('tickets.created', { id: ticket.id }), to: paths.ticket(ticket.id), state: from })}
    >
      <Form.Item name="kind" label={t('tickets.fields.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={TICKET_KINDS.map((kind) => ({ value: kind, label: t(`tickets.kinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="subject"
        label={t('tickets.fields.subject')}
        rules={[
          { required: true, whitespace: true, message: t('tickets.form.subjectRequired') },
          { max: 200, message: t('tickets.form.tooLong', { max: 200 }) },
        ]}
      >
        <Input autoFocus placeholder={t('tickets.form.subjectPlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('tickets.fields.description')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="priority" label={t('tickets.fields.priority')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={TICKET_PRIORITIES.map((priority) => ({ value: priority, label: t(`tickets.priorities.${priority}`) }))}
        />
      </Form.Item>
      <Form.Item name="channel" label={t('tickets.fields.channel')}>
        <Select options={TICKET_CHANNELS.map((channel) => ({ value: channel, label: t(`tickets.channels.${channel}`) }))} />
      </Form.Item>
      <Form.Item name="company_id" label={t('tickets.fields.company')}>
        <CompanyPicker chosen={customer?.company} onChange={() => form.setFieldValue('contact_id', undefined)} />
      </Form.Item>
      <Form.Item name="contact_id" label={t('tickets.fields.contact')}>
        <ContactPicker companyId={companyId} chosen={customer?.contact} />
      </Form.Item>
    </CreateRecordDrawer>
  );
}
