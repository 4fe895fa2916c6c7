import { Form } from 'antd';
import { useCurrentUser, usePermissions } from '../../api/auth';
import { EditableField } from '../../components/EditableField';
import { OwnerSelect } from '../../components/OwnerSelect';
import { useAssignees } from '../../lib/assignees';
import { useOwnerLabel } from '../../lib/use-owner-label';

/**
 * The owner input of a create form: only managers and admins assign records (the API answers
 * 403 otherwise); anyone else's new record is their own.
 */
export function OwnerFormItem({ label }: { label: string }) {
  const { canAssignLeads } = usePermissions();
  const assignees = useAssignees({ enabled: canAssignLeads });
  if (!canAssignLeads) return null;
  return (
    <Form.Item name="owner_id" label={label}>
      <OwnerSelect assignees={assignees.data ?? []} loading={assignees.isPending} />
    </Form.Item>
  );
}

/** The owner of a company or contact on its page; managers and admins change it. */
export function OwnerEditor({
  record,
  label,
  canWrite,
  save,
}: {
  record: { owner_id: number | null; owner_name: string | null };
  label: string;
  canWrite: boolean;
  save: (patch: { owner_id: number | null }) => Promise<unknown>;
}) {
  const { canAssignLeads } = usePermissions();
  const assignees = useAssignees({ enabled: canAssignLeads });
  const ownerLabel = useOwnerLabel();
  return (
    <EditableField<number | null>
      name="owner_id"
      label={label}
      value={record.owner_id ?? null}
      display={ownerLabel(record)}
      canEdit={canWrite && canAssignLeads}
      input={<OwnerSelect assignees={assignees.data ?? []} loading={assignees.isPending} />}
      onSave={(owner_id) => save({ owner_id })}
      handledStatuses={[412]}
    />
  );
}

/** The initial owner of a new record: the user themself (what the API does when none is sent). */
export function useDefaultOwner(): { owner_id?: number } {
  const { canAssignLeads } = usePermissions();
  const me = useCurrentUser();
  return canAssignLeads ? { owner_id: me.id } : {};
}
