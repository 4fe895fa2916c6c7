import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/auth';
import type { Contact } from '../../api/types';
import { FindDuplicatesButton } from '../../components/duplicates/FindDuplicatesButton';
import { ExportButton } from '../../components/ExportButton';
import { ImportButton } from '../../components/ImportButton';
import type { RecordColumn } from '../../components/RecordList';
import { SearchListPage } from '../../components/SearchListPage';
import { useBulkSelection } from '../../components/use-bulk-selection';
import { useSearchTerm } from '../../lib/use-search-term';
import { paths } from '../../paths';
import { useContacts } from './api/get-contacts';
import { customerKeys } from './api/keys';
import { ContactCreateDrawer } from './ContactCreateDrawer';
import { useCreateDrawer } from './use-create-drawer';

export default function ContactList() {
  const { t } = useTranslation();
  const { action, drawer } = useCreateDrawer(t('customers.newContact'), ContactCreateDrawer);
  const q = useSearchTerm();
  const query = useContacts(q);
  const { canWriteSales, canAssignLeads } = usePermissions();
  const listQuery = { q, sort: 'name' };
  const bulk = useBulkSelection<Contact>({
    resource: 'contacts',
    list: query,
    query: listQuery,
    scope: q ?? '',
    rowLabel: (row) => row.name,
    listKey: customerKeys.contactLists(),
    canAssign: canAssignLeads,
    canWrite: canWriteSales,
  });
  const columns: RecordColumn<Contact>[] = [
    { key: 'name', title: t('contacts.fields.name'), render: (row) => <Link to={paths.contact(row.id)}>{row.name}</Link> },
    { key: 'title', title: t('contacts.fields.title'), render: (row) => row.title ?? '' },
    { key: 'phone', title: t('contacts.fields.phone'), render: (row) => (row.phone ? <a href={`tel:${row.phone}`}>{row.phone}</a> : '') },
    { key: 'email', title: t('contacts.fields.email'), render: (row) => row.email ?? '' },
    { key: 'owner', title: t('contacts.fields.owner'), render: (row) => row.owner_name ?? '' },
  ];
  return (
    <SearchListPage
      className="contact-list-page"
      title={t('contacts.title')}
      searchLabel={t('contacts.search')}
      action={
        <Flex gap={8} wrap>
          <ImportButton entity="contacts" size="large" />
          <ExportButton resource="contacts" query={listQuery} size="large" />
          {action}
          <FindDuplicatesButton entity="contacts" />
        </Flex>
      }
      toolbar={bulk.bar}
      selection={bulk.selection}
      emptyAction={<ImportButton entity="contacts" type="primary" />}
      query={query}
      columns={columns}
      emptyText={t('contacts.empty')}
      emptyFilteredText={t('contacts.emptyFiltered')}
      loadMoreText={t('contacts.loadMore')}
    >
      {drawer}
    </SearchListPage>
  );
}
