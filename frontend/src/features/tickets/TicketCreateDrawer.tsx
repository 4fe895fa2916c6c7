import { Alert, App, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { applyFieldErrors } from '../../lib/forms';
import { errorMessage } from '../../lib/messages';
import { useIsMobile } from '../../lib/use-media-query';
import { paths } from '../../paths';
import { useCreateTicket } from './api/create-ticket';
import { CompanyPicker, ContactPicker } from './CustomerPickers';
import { TICKET_CHANNELS, TICKET_KINDS, TICKET_PRIORITIES } from './ticket-options';
import type { TicketCreate } from './types';

const FORM_FIELDS = ['kind', 'subject', 'description', 'priority', 'channel', 'company_id', 'contact_id'];

type Values = TicketCreate;

function cleaned(values: Values): TicketCreate {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== '' && text !== undefined && text !== null) body[key] = text;
  }
  return body as unknown as TicketCreate;
}

/** A new ticket: what kind, what it is about, how urgent, where it came from, which customer. */
export function TicketCreateDrawer({ open, onClose, from }: { open: boolean; onClose: () => void; from?: { listSearch: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const companyId = Form.useWatch('company_id', form) as number | null | undefined;
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useCreateTicket();

  const close = () => {
    form.resetFields();
    setProblem(null);
    mutation.reset();
    onClose();
  };

  const submit = (values: Values) => {
    setProblem(null);
    mutation.mutate(cleaned(values), {
      onSuccess: ({ ticket }) => {
        message.success(t('tickets.created', { id: ticket.id }));
        close();
        navigate(paths.ticket(ticket.id), { state: from });
      },
      onError: (error) => {
        const leftover = applyFieldErrors(form, error, t, FORM_FIELDS);
        const hasFieldErrors = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;
        if (leftover.length) setProblem(leftover.join(' '));
        else if (!hasFieldErrors) setProblem(errorMessage(error, t));
      },
    });
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('tickets.createTitle')}
      placement={isMobile ? 'bottom' : 'right'}
      size={isMobile ? '92%' : 520}
      destroyOnHidden
      className="ticket-create-drawer"
      footer={
        <Space className="drawer-footer">
          <Button size="large" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button size="large" type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('tickets.create')}
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} role="alert" className="form-alert" />}
      <Form<Values>
        form={form}
        name="ticket-create"
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'complaint', priority: 'normal', channel: 'phone' }}
        scrollToFirstError
        disabled={mutation.isPending}
        size="large"
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
          <CompanyPicker onChange={() => form.setFieldValue('contact_id', undefined)} />
        </Form.Item>
        <Form.Item name="contact_id" label={t('tickets.fields.contact')}>
          <ContactPicker companyId={companyId} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
