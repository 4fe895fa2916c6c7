import { useState, type ComponentType, type ReactNode } from 'react';
import { usePermissions } from '../../api/auth';
import { NewRecordButton } from './NewRecordButton';

/**
 * A customer list's "New …" button and the create drawer it opens; neither for service staff, who
 * read customers: the API lets only sales, managers and admins change them.
 */
export function useCreateDrawer(
  label: string,
  Drawer: ComponentType<{ open: boolean; onClose: () => void }>,
): { action: ReactNode; drawer: ReactNode } {
  const { canWriteSales: canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  return {
    action: canWrite && <NewRecordButton onClick={() => setCreating(true)}>{label}</NewRecordButton>,
    drawer: canWrite && <Drawer open={creating} onClose={() => setCreating(false)} />,
  };
}
