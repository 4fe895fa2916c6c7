import { MergeCellsOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../api/auth';
import { useIsMobile } from '../../lib/use-media-query';
import { paths } from '../../paths';
import type { DuplicateEntity } from './api';

/** A list's way to its duplicates screen; not for service staff, who cannot merge. */
export function FindDuplicatesButton({ entity }: { entity: DuplicateEntity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { canWriteSales } = usePermissions();
  if (!canWriteSales) return null;
  return (
    <Button
      size={isMobile ? 'large' : 'middle'}
      icon={<MergeCellsOutlined aria-hidden />}
      onClick={() => void navigate(paths.duplicates(entity))}
      className="find-duplicates-button"
    >
      {t('duplicates.findDuplicates')}
    </Button>
  );
}
