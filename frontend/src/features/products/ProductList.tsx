import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { ImportButton } from '../../components/ImportButton';
import type { RecordColumn } from '../../components/RecordList';
import { SearchListPage } from '../../components/SearchListPage';
import { formatMoney, formatQuantity } from '../../lib/money';
import { useSearchTerm } from '../../lib/use-search-term';
import { useProductList } from './api/get-products';

/** The catalogue, read-only: SKU, name, price and the stock the ERP reports. */
export default function ProductList() {
  const { t, i18n } = useTranslation();
  const q = useSearchTerm();
  const query = useProductList(q);
  const listQuery = { q, sort: 'sku' };
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
    <SearchListPage
      className="product-list-page"
      title={t('products.title')}
      searchLabel={t('products.search')}
      action={
        <Flex gap={8} wrap>
          <ImportButton entity="products" size="large" />
          <ExportButton resource="products" query={listQuery} size="large" />
        </Flex>
      }
      emptyAction={<ImportButton entity="products" type="primary" />}
      query={query}
      columns={columns}
      emptyText={t('products.empty')}
      emptyFilteredText={t('products.emptyFiltered')}
      loadMoreText={t('products.loadMore')}
    />
  );
}
