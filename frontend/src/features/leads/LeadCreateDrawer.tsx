import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../api/auth';
import { ApiError } from '../../api/errors';
import type { LeadCreate } from '../../api/types';
import { applyFieldErrors } from '../../lib/forms';
import { errorMessage } from '../../lib/messages';
import { useIsMobile } from '../../lib/use-media-query';
import { paths } from '../../paths';
import { useCreateLead } from './api/create-lead';
import { useAssignees } from './api/get-assignees';
import { LeadFormFields } from './LeadFormFields';

const FORM_FIELDS = ['name', 'company_name', 'title', 'phone', 'email', 'source', 'owner_id', 'description'];

type Values = LeadCreate;

/** Blank optional inputs are sent as "not given" rather than as empty strings. */
function cleaned(values: Values): LeadCreate {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== '' && text !== undefined) body[key] = text;
  }
  return body as LeadCreate;
}

export function LeadCreateDrawer({
  open,
  onClose,
  from,
}: {
  open: boolean;
  onClose: () => void;
  /** Where the detail's back link should return to. */
  from?: { listSearch: string };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const { canAssignLeads } = usePermissions();
  const assignees = useAssignees({ enabled: canAssignLeads && open });
  const mutation = useCreateLead();

  const close = () => {
    form.resetFields();
    setProblem(null);
    mutation.reset();
    onClose();
  };

  const submit = (values: Values) => {
    setProblem(null);
    mutation.mutate(cleaned(values), {
      onSuccess: ({ lead }) => {
        message.success(t('leads.created', { name: lead.name }));
        close();
        navigate(paths.lead(lead.id), { state: from });
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
      title={t('leads.createTitle')}
      placement={isMobile ? 'bottom' : 'right'}
      size={isMobile ? '92%' : 480}
      destroyOnHidden
      className="lead-create-drawer"
      footer={
        <Space className="drawer-footer">
          <Button size="large" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button size="large" type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('leads.create')}
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} role="alert" className="form-alert" />}
      <Form<Values>
        form={form}
        name="lead-create"
        layout="vertical"
        onFinish={submit}
        initialValues={{ source: 'other' }}
        scrollToFirstError
        disabled={mutation.isPending}
        size="large"
      >
        <LeadFormFields assignees={assignees.data ?? []} canAssign={canAssignLeads} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
