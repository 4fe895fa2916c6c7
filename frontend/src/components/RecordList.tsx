import { Button, Card, Empty, List, Skeleton, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../lib/use-media-query';
import { ErrorState } from './ErrorState';

export interface RecordColumn<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

interface Props<T extends { id: number }> {
  items: T[] | undefined;
  columns: RecordColumn<T>[];
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  emptyText: string;
  loadMoreText: string;
  /** The phone card: the first column is its title, the others follow as label: value. */
  cardTitle?: (row: T) => ReactNode;
}

/**
 * A read-only list of records: a table on a laptop, cards on a phone; with the loading
 * skeleton, the error with a retry, the empty state and "load more".
 */
export function RecordList<T extends { id: number }>({
  items,
  columns,
  isPending,
  error,
  onRetry,
  retrying,
  hasMore,
  loadingMore,
  onLoadMore,
  emptyText,
  loadMoreText,
  cardTitle,
}: Props<T>) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (error) return <ErrorState error={error} onRetry={onRetry} retrying={retrying} />;
  if (isPending || !items) {
    return (
      <div aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (items.length === 0) return <Empty description={emptyText} />;
  const [first, ...rest] = columns;
  return (
    <>
      {isMobile ? (
        <List
          dataSource={items}
          rowKey="id"
          renderItem={(row) => (
            <List.Item className="list-card-item">
              <Card size="small" className="list-card">
                <div className="list-card-title">{cardTitle ? cardTitle(row) : first.render(row)}</div>
                <dl className="list-card-fields">
                  {rest.map((column) => (
                    <div key={column.key}>
                      <dt>{column.title}</dt>
                      <dd>{column.render(row)}</dd>
                    </div>
                  ))}
                </dl>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<T>
          rowKey="id"
          dataSource={items}
          pagination={false}
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
      {hasMore && onLoadMore && (
        <Button block size="large" onClick={onLoadMore} loading={loadingMore} className="load-more">
          {loadMoreText}
        </Button>
      )}
    </>
  );
}
