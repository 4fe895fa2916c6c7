import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { canImport, type ImportEntity } from '../lib/imports';
import { paths } from '../paths';

/** "Import" on a list page: the import wizard for that kind of record (for the roles that may import). */
export function ImportButton({ entity, size, type }: { entity: ImportEntity; size?: 'middle' | 'large'; type?: 'default' | 'primary' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useCurrentUser();
  if (!canImport(role, entity)) return null;
  return (
    <Button icon={<UploadOutlined aria-hidden />} size={size} type={type} onClick={() => void navigate(paths.importNew(entity))}>
      {t('imports.button')}
    </Button>
  );
}
