import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../paths';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('errors.pageNotFoundTitle')}
      subTitle={t('errors.pageNotFound')}
      extra={
        <Link to={paths.leads}>
          <Button type="primary">{t('nav.backToLeads')}</Button>
        </Link>
      }
    />
  );
}
