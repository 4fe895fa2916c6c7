import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert';

/** A company or contact was changed by someone else meanwhile (412): offers to reload it. */
export function RecordConflictAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  return (
    <ConflictAlert
      title={t('customers.conflict.title')}
      detail={t('customers.conflict.detail')}
      reloadText={t('customers.conflict.reload')}
      onReload={onReload}
      reloading={reloading}
    />
  );
}
