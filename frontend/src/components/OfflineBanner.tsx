import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOnlineStatus } from '../lib/use-online-status';

/** Shown while the browser says it is offline; changes cannot be saved until it is back. */
export function OfflineBanner() {
  const online = useOnlineStatus();
  const { t } = useTranslation();
  if (online) return null;
  return (
    <Alert
      className="offline-banner"
      type="warning"
      showIcon
      banner
      title={t('offline.title')}
      description={t('offline.detail')}
      role="status"
    />
  );
}
