import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../api/auth';
import type { LeadCreate } from '../../api/types';
import type { FromList } from '../../components/BackToListLink';
import { CreateRecordDrawer } from '../../components/CreateRecordDrawer';
import { withoutBlanks } from '../../lib/forms';
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
  const { message } = App.useApp();
  const navigate = useNavigate();
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
      width={480}
      form={form}
      formName="lead-create"
      initialValues={{ source: 'other' }}
      fieldNames={FORM_FIELDS}
      mutation={mutation}
      toBody={withoutBlanks}
      onCreated={({ lead }) => {
        message.success(t('leads.created', { name: lead.name }));
        void navigate(paths.lead(lead.id), { state: from });
      }}
    >
      <LeadFormFields assignees={assignees.data ?? []} canAssign={canAssignLeads} />
    </CreateRecordDrawer>
  );
}
