import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';
import { useSearchTerm } from '../lib/use-search-term';
import { RecordList, type ListSelection, type PagedListQuery, type RecordColumn } from './RecordList';
import { SearchHeader } from './SearchHeader';

interface Props<T extends { id: number }> {
  /** The page's own class, e.g. "company-list-page". */
  className: string;
  title: string;
  searchLabel: string;
  /** Beside the search, e.g. a "New …" button. */
  action?: ReactNode;
  query: PagedListQuery<T>;
  columns: RecordColumn<T>[];
  emptyText: string;
  /** The empty state while a search (?q=) is on. */
  emptyFilteredText: string;
  loadMoreText: string;
  /** Whatever else the page holds, e.g. its create drawer. */
  children?: ReactNode;
  /** Above the list, e.g. the bulk-action bar. */
  toolbar?: ReactNode;
  selection?: ListSelection<T>;
  /** Under the empty state (not a filtered one), e.g. "Import". */
  emptyAction?: ReactNode;
}

/** A list page searched by ?q=: title, search box and action, then the records a page at a time. */
export function SearchListPage<T extends { id: number }>({
  className,
  title,
  searchLabel,
  action,
  query,
  columns,
  emptyText,
  emptyFilteredText,
  loadMoreText,
  children,
  toolbar,
  selection,
  emptyAction,
}: Props<T>) {
  useDocumentTitle(title);
  const q = useSearchTerm();
  return (
    <div className={`page ${className}`}>
      <SearchHeader title={title} searchLabel={searchLabel} action={action} />
      {toolbar}
      <RecordList
        query={query}
        columns={columns}
        emptyText={q ? emptyFilteredText : emptyText}
        loadMoreText={loadMoreText}
        selection={selection}
        emptyAction={q ? undefined : emptyAction}
      />
      {children}
    </div>
  );
}
