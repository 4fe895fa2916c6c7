import { useTranslation } from 'react-i18next';
import { useCurrentUser, usePermissions } from '../api/auth';
import type { Lead } from '../api/types';
import { useAssignees } from './assignees';

/** "Li Na", "Me", "Unassigned": from a record's owner_name, else the assignee list. */
export function useOwnerLabel(): (record: Pick<Lead, 'owner_id' | 'owner_name'>) => string {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { canAssignLeads } = usePermissions();
  const assignees = useAssignees({ enabled: canAssignLeads }).data;
  return (record) => {
    if (record.owner_id == null) return t('leads.unassigned');
    if (record.owner_id === me.id) return t('leads.ownerMe', { name: me.name });
    if (record.owner_name) return record.owner_name;
    const assignee = assignees?.find(({ id }) => id === record.owner_id);
    return assignee ? assignee.name : t('leads.ownerNumber', { id: record.owner_id });
  };
}
