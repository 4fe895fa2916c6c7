import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../api/types';
import { FindDuplicatesButton } from '../../components/duplicates/FindDuplicatesButton';
import type { RecordColumn } from '../../components/RecordList';
import { SearchListPage } from '../../components/SearchListPage';
import { useSearchTerm } from '../../lib/use-search-term';
import { paths } from '../../paths';
import { useContacts } from './api/get-contacts';
import { ContactCreateDrawer } from './ContactCreateDrawer';
import { useCreateDrawer } from './use-create-drawer';

export default function ContactList() {
  const { t } = useTranslation();
  const { action, drawer } = useCreateDrawer(t('customers.newContact'), ContactCreateDrawer);
  const query = useContacts(useSearchTerm());
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
        <>
          {action}
          <FindDuplicatesButton entity="contacts" />
        </>
      }
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
