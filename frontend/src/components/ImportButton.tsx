import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../paths';

export type ImportEntity = 'leads' | 'companies' | 'contacts' | 'opportunities' | 'products';

/** "Import" on a list page: the import wizard for that kind of record. */
export function ImportButton({ entity, size, type }: { entity: ImportEntity; size?: 'middle' | 'large'; type?: 'default' | 'primary' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<UploadOutlined aria-hidden />} size={size} type={type} onClick={() => void navigate(paths.importNew(entity))}>
      {t('imports.button')}
    </Button>
  );
}
