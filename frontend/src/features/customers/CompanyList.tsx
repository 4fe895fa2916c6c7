import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../api/types';
import { FindDuplicatesButton } from '../../components/duplicates/FindDuplicatesButton';
import type { RecordColumn } from '../../components/RecordList';
import { SearchListPage } from '../../components/SearchListPage';
import { useSearchTerm } from '../../lib/use-search-term';
import { paths } from '../../paths';
import { useCompanies } from './api/get-companies';
import { CompanyCreateDrawer } from './CompanyCreateDrawer';
import { useCreateDrawer } from './use-create-drawer';

export default function CompanyList() {
  const { t } = useTranslation();
  const { action, drawer } = useCreateDrawer(t('customers.newCompany'), CompanyCreateDrawer);
  const query = useCompanies(useSearchTerm());
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
        <>
          {action}
          <FindDuplicatesButton entity="companies" />
        </>
      }
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
