import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import type { Contact } from '../../api/types';
import { RecordList, type RecordColumn } from '../../components/RecordList';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useContacts } from './api/get-contacts';
import { ContactCreateDrawer } from './ContactCreateDrawer';
import { NewRecordButton } from './NewRecordButton';
import { SearchHeader } from './SearchHeader';

export default function ContactList() {
  const { t } = useTranslation();
  useDocumentTitle(t('contacts.title'));
  // Service staff read customers; the API lets only sales, managers and admins change them.
  const { canWriteSales: canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  const [params] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const query = useContacts(q);
  const columns: RecordColumn<Contact>[] = [
    { key: 'name', title: t('contacts.fields.name'), render: (row) => <Link to={paths.contact(row.id)}>{row.name}</Link> },
    { key: 'title', title: t('contacts.fields.title'), render: (row) => row.title ?? '' },
    { key: 'phone', title: t('contacts.fields.phone'), render: (row) => (row.phone ? <a href={`tel:${row.phone}`}>{row.phone}</a> : '') },
    { key: 'email', title: t('contacts.fields.email'), render: (row) => row.email ?? '' },
    { key: 'owner', title: t('contacts.fields.owner'), render: (row) => row.owner_name ?? '' },
  ];
  return (
    <div className="page contact-list-page">
      <SearchHeader
        title={t('contacts.title')}
        searchLabel={t('contacts.search')}
        action={canWrite && <NewRecordButton onClick={() => setCreating(true)}>{t('customers.newContact')}</NewRecordButton>}
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
        emptyText={q ? t('contacts.emptyFiltered') : t('contacts.empty')}
        loadMoreText={t('contacts.loadMore')}
      />
      {canWrite && <ContactCreateDrawer open={creating} onClose={() => setCreating(false)} />}
    </div>
  );
}
