import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A page that failed to load its code (e.g. after an upgrade) or crashed while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : '';
  const codeMissing = /dynamically imported module|module script failed|loading chunk/i.test(message);
  return (
    <div className="page">
      <Result
        status="warning"
        title={codeMissing ? t('errors.newVersionTitle') : t('errors.crashTitle')}
        subTitle={codeMissing ? t('errors.newVersion') : t('errors.crash')}
        extra={
          <Button type="primary" icon={<ReloadOutlined aria-hidden />} onClick={() => window.location.reload()}>
            {t('errors.reloadPage')}
          </Button>
        }
      />
    </div>
  );
}
