import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/auth';
import type { Company } from '../../api/types';
import { FindDuplicatesButton } from '../../components/duplicates/FindDuplicatesButton';
import { ExportButton } from '../../components/ExportButton';
import { ImportButton } from '../../components/ImportButton';
import type { RecordColumn } from '../../components/RecordList';
import { SearchListPage } from '../../components/SearchListPage';
import { useBulkSelection } from '../../components/use-bulk-selection';
import { useSearchTerm } from '../../lib/use-search-term';
import { paths } from '../../paths';
import { useCompanies } from './api/get-companies';
import { customerKeys } from './api/keys';
import { CompanyCreateDrawer } from './CompanyCreateDrawer';
import { useCreateDrawer } from './use-create-drawer';

export default function CompanyList() {
  const { t } = useTranslation();
  const { action, drawer } = useCreateDrawer(t('customers.newCompany'), CompanyCreateDrawer);
  const q = useSearchTerm();
  const query = useCompanies(q);
  const { canWriteSales, canAssignLeads } = usePermissions();
  const listQuery = { q, sort: 'name' };
  const bulk = useBulkSelection<Company>({
    resource: 'companies',
    list: query,
    query: listQuery,
    scope: q ?? '',
    rowLabel: (row) => row.name,
    listKey: customerKeys.companyLists(),
    canAssign: canAssignLeads,
    canWrite: canWriteSales,
  });
  const columns: RecordColumn<Company>[] = [
    { key: 'name', title: t('companies.fields.name'), render: (row) => <Link to={paths.company(row.id)}>{row.name}</Link> },
    { key: 'industry', title: t('companies.fields.industry'), render: (row) => row.industry ?? '' },
    { key: 'size', title: t('companies.fields.size'), render: (row) => row.size ?? '' },
    { key: 'phone', title: t('companies.fields.phone'), render: (row) => row.phone ?? '' },
    { key: 'owner', title: t('companies.fields.owner'), render: (row) => row.owner_name ?? '' },
  ];
  return (
    <SearchListPage
      className="company-list-page"
      title={t('companies.title')}
      searchLabel={t('companies.search')}
      action={
        <Flex gap={8} wrap>
          <ImportButton entity="companies" size="large" />
          <ExportButton resource="companies" query={listQuery} size="large" />
          {action}
          <FindDuplicatesButton entity="companies" />
        </Flex>
      }
      toolbar={bulk.bar}
      selection={bulk.selection}
      emptyAction={<ImportButton entity="companies" type="primary" />}
      query={query}
      columns={columns}
      emptyText={t('companies.empty')}
      emptyFilteredText={t('companies.emptyFiltered')}
      loadMoreText={t('companies.loadMore')}
    >
      {drawer}
    </SearchListPage>
  );
}
