import { Button, Card, Empty, List, Skeleton, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../lib/use-media-query';
import { ErrorState } from './ErrorState';
import { RowCheckbox, tableRowSelection } from './RowCheckbox';

export interface RecordColumn<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

/** What RecordList reads of a paged list query (a `useInfiniteQuery` result whose pages carry `items`). */
export interface PagedListQuery<T> {
  data?: { pages: { items: T[] }[] };
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/** Row selection for bulk actions: checkboxes in the table and on the phone cards. */
export interface ListSelection<T> {
  selectedIds: number[];
  onChange: (ids: number[]) => void;
  /** The record's name, for its checkbox's label. */
  rowLabel: (row: T) => string;
}

interface Props<T extends { id: number }> {
  query: PagedListQuery<T>;
  columns: RecordColumn<T>[];
  emptyText: string;
  loadMoreText: string;
  /** The phone card's content; by default the first column is its title, the others follow as label: value. */
  renderCard?: (row: T) => ReactNode;
  selection?: ListSelection<T>;
  /** Under the empty state's text, e.g. "Import". */
  emptyAction?: ReactNode;
}

function DefaultCard<T>({ row, columns }: { row: T; columns: RecordColumn<T>[] }) {
  const [first, ...rest] = columns;
  return (
    <>
      <div className="list-card-title">{first.render(row)}</div>
      <dl className="list-card-fields">
        {rest.map((column) => (
          <div key={column.key}>
            <dt>{column.title}</dt>
            <dd>{column.render(row)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * A read-only list of records, one page after another: a table on a laptop, cards on a phone;
 * with the loading skeleton, the error with a retry, the empty state and "load more".
 */
export function RecordList<T extends { id: number }>({ query, columns, emptyText, loadMoreText, renderCard, selection, emptyAction }: Props<T>) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const items = query.data?.pages.flatMap((page) => page.items);
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (query.isPending || !items) {
    return (
      <div aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (items.length === 0) return <Empty description={emptyText}>{emptyAction}</Empty>;
  return (
    <>
      {isMobile ? (
        <List
          dataSource={items}
          rowKey="id"
          renderItem={(row) => (
            <List.Item className="list-card-item">
              <Card size="small" className={`list-card${selection ? ' selectable' : ''}`}>
                {selection && (
                  <RowCheckbox id={row.id} name={selection.rowLabel(row)} selectedIds={selection.selectedIds} onChange={selection.onChange} />
                )}
                {renderCard ? renderCard(row) : <DefaultCard row={row} columns={columns} />}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<T>
          rowKey="id"
          dataSource={items}
          pagination={false}
          rowSelection={
            selection
              ? tableRowSelection(selection.selectedIds, selection.onChange, selection.rowLabel, (name) => t('bulk.selectRow', { name }))
              : undefined
          }
          columns={columns.map(
            (column): ColumnsType<T>[number] => ({
              key: column.key,
              title: column.title,
              align: column.align,
              render: (_: unknown, row: T) => column.render(row),
            }),
          )}
        />
      )}
      {query.hasNextPage && (
        <Button block size="large" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} className="load-more">
          {loadMoreText}
        </Button>
      )}
    </>
  );
}
