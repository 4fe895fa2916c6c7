import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { RecordList, type RecordColumn } from '../../components/RecordList';
import { formatDateTime } from '../../lib/dates';
import { canImport } from '../../lib/imports';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useImports } from './api/imports';
import type { Import } from './api/types';
import { IMPORT_ENTITIES, ROW_FILTERS, STATUS_COLORS } from './import-options';

function CountsText({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const parts = ROW_FILTERS.filter((outcome) => (imp.counts[outcome] ?? 0) > 0).map(
    (outcome) => `${t(`imports.outcomes.${outcome}`)} ${imp.counts[outcome]}`,
  );
  return <span>{parts.length ? parts.join(' · ') : t('imports.list.noCounts', { count: imp.row_count })}</span>;
}

/** Every import: who, when, which file, what came of it. */
export default function ImportList() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.title'));
  const navigate = useNavigate();
  const query = useImports();
  const { role } = useCurrentUser();
  const mayImport = IMPORT_ENTITIES.some((entity) => canImport(role, entity));
  const columns: RecordColumn<Import>[] = [
    { key: 'file', title: t('imports.fields.file'), render: (row) => <Link to={paths.import(row.id)}>{row.file_name}</Link> },
    { key: 'entity', title: t('imports.fields.entity'), render: (row) => t(`imports.entities.${row.entity}`) },
    { key: 'status', title: t('imports.fields.status'), render: (row) => <Tag color={STATUS_COLORS[row.status]}>{t(`imports.statuses.${row.status}`)}</Tag> },
    { key: 'counts', title: t('imports.fields.counts'), render: (row) => <CountsText imp={row} /> },
    { key: 'who', title: t('imports.fields.createdBy'), render: (row) => row.created_by.name },
    { key: 'when', title: t('imports.fields.createdAt'), render: (row) => formatDateTime(row.created_at, t) },
  ];
  const newImport = mayImport && (
    <Button type="primary" size="large" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate(paths.importNew())}>
      {t('imports.new')}
    </Button>
  );
  return (
    <div className="page import-list-page">
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('imports.title')}
        </Typography.Title>
        {newImport}
      </Flex>
      <RecordList
        query={query}
        columns={columns}
        emptyText={t('imports.list.empty')}
        loadMoreText={t('imports.list.loadMore')}
        emptyAction={newImport}
      />
    </div>
  );
}
