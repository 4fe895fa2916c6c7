import { useTranslation } from 'react-i18next';
import { useCurrentUser, usePermissions } from '../../api/auth';
import type { Lead } from '../../api/types';
import { useAssignees } from './api/get-assignees';

/** "Li Na", "Me", "Unassigned": from the lead's owner_name, else the assignee list. */
export function useOwnerLabel(): (lead: Pick<Lead, 'owner_id' | 'owner_name'>) => string {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { canAssignLeads } = usePermissions();
  const assignees = useAssignees({ enabled: canAssignLeads }).data;
  return (lead) => {
    if (lead.owner_id == null) return t('leads.unassigned');
    if (lead.owner_id === me.id) return t('leads.ownerMe', { name: me.name });
    if (lead.owner_name) return lead.owner_name;
    const assignee = assignees?.find(({ id }) => id === lead.owner_id);
    return assignee ? assignee.name : t('leads.ownerNumber', { id: lead.owner_id });
  };
}
