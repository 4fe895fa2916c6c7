import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import type { Company } from '../../api/types';
import { RecordList, type RecordColumn } from '../../components/RecordList';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useCompanies } from './api/get-companies';
import { CompanyCreateDrawer } from './CompanyCreateDrawer';
import { NewRecordButton } from './NewRecordButton';
import { SearchHeader } from './SearchHeader';

export default function CompanyList() {
  const { t } = useTranslation();
  useDocumentTitle(t('companies.title'));
  // Service staff read customers; the API lets only sales, managers and admins change them.
  const { canWriteSales: canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  const [params] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const query = useCompanies(q);
  const columns: RecordColumn<Company>[] = [
    { key: 'name', title: t('companies.fields.name'), render: (row) => <Link to={paths.company(row.id)}>{row.name}</Link> },
    { key: 'industry', title: t('companies.fields.industry'), render: (row) => row.industry ?? '' },
    { key: 'size', title: t('companies.fields.size'), render: (row) => row.size ?? '' },
    { key: 'phone', title: t('companies.fields.phone'), render: (row) => row.phone ?? '' },
    { key: 'owner', title: t('companies.fields.owner'), render: (row) => row.owner_name ?? '' },
  ];
  return (
    <div className="page company-list-page">
      <SearchHeader
        title={t('companies.title')}
        searchLabel={t('companies.search')}
        action={canWrite && <NewRecordButton onClick={() => setCreating(true)}>{t('customers.newCompany')}</NewRecordButton>}
      />
      <RecordList
        items={query.data?.pages.flatMap((page) => page.items)}
        columns={columns}
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        emptyText={q ? t('companies.emptyFiltered') : t('companies.empty')}
        loadMoreText={t('companies.loadMore')}
      />
      {canWrite && <CompanyCreateDrawer open={creating} onClose={() => setCreating(false)} />}
    </div>
  );
}
