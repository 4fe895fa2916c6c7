import { Flex, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Product } from '../../api/types';
import { RecordList, type RecordColumn } from '../../components/RecordList';
import { formatMoney, formatQuantity } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useProductList } from './api/get-products';

/** The catalogue, read-only: SKU, name, price and the stock the ERP reports. */
export default function ProductList() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('products.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const query = useProductList(q);
  const columns: RecordColumn<Product>[] = [
    { key: 'name', title: t('products.fields.name'), render: (row) => row.name },
    { key: 'sku', title: t('products.fields.sku'), render: (row) => <code>{row.sku}</code> },
    { key: 'price', title: t('products.fields.price'), align: 'right', render: (row) => formatMoney(row.price, row.currency, i18n.language) },
    {
      key: 'stock',
      title: t('products.fields.stock'),
      align: 'right',
      render: (row) =>
        row.stock_quantity === null || row.stock_quantity === undefined
          ? t('products.stockUnknown')
          : `${formatQuantity(row.stock_quantity, i18n.language)} ${row.unit ?? ''}`.trim(),
    },
    {
      key: 'active',
      title: t('products.fields.active'),
      render: (row) => (row.active === false ? <Tag>{t('products.inactive')}</Tag> : <Tag color="green">{t('products.active')}</Tag>),
    },
  ];
  return (
    <div className="page product-list-page">
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('products.title')}
        </Typography.Title>
        <Input.Search
          allowClear
          size="large"
          aria-label={t('products.search')}
          placeholder={t('products.search')}
          defaultValue={q ?? ''}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
          className="opportunity-search"
        />
      </Flex>
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
        emptyText={q ? t('products.emptyFiltered') : t('products.empty')}
        loadMoreText={t('products.loadMore')}
      />
    </div>
  );
}
