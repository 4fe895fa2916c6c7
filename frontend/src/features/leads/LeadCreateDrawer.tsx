import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/auth';
import type { LeadCreate } from '../../api/types';
import type { FromList } from '../../components/BackToListLink';
import { CreateRecordDrawer } from '../../components/CreateRecordDrawer';
import { paths } from '../../paths';
import { useCreateLead } from './api/create-lead';
import { useAssignees } from '../../lib/assignees';
import { LeadFormFields } from './LeadFormFields';

const FORM_FIELDS = ['name', 'company_name', 'title', 'phone', 'email', 'source', 'owner_id', 'description'];

export function LeadCreateDrawer({
  open,
  onClose,
  from,
}: {
  open: boolean;
  onClose: () => void;
  /** Where the detail's back link should return to. */
  from?: FromList;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LeadCreate>();
  const { canAssignLeads } = usePermissions();
  const assignees = useAssignees({ enabled: canAssignLeads && open });
  const mutation = useCreateLead();

  return (
    <CreateRecordDrawer
      open={open}
      onClose={onClose}
      title={t('leads.createTitle')}
      submitText={t('leads.create')}
      className="lead-create-drawer"
      form={form}
      formName="lead-create"
      initialValues={{ source: 'other' }}
      fieldNames={FORM_FIELDS}
      mutation={mutation}
      duplicates="leads"
      onCreated={({ lead }) => ({ message: t('leads.created', { name: lead.name }), to: paths.lead(lead.id), state: from })}
    >
      <LeadFormFields assignees={assignees.data ?? []} canAssign={canAssignLeads} />
    </CreateRecordDrawer>
  );
}
