import { Card, Empty, Flex, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatQuantity } from '../lib/money';

/** What an opportunity's and an order's lines have in common: decimal strings from the API. */
export interface LineItem {
  readonly id?: number;
  quantity: string;
  unit_price?: string;
  discount?: string;
  readonly line_total?: string;
}

interface Props<Line extends LineItem> {
  /** The card's heading. */
  title: string;
  className?: string;
  lines: readonly Line[];
  currency: string | null | undefined;
  /** The first column's heading and each line's entry: a product, or an order line's description. */
  itemTitle: string;
  itemName: (line: Line) => ReactNode;
  /** Shown with a line's item, e.g. an order line's stock warning. */
  itemNote?: (line: Line) => ReactNode;
  isMobile: boolean;
}

/** A card of line items: a table on a laptop; on a phone one card a line. */
export function LineItemsTable<Line extends LineItem>({
  title,
  className,
  lines,
  currency,
  itemTitle,
  itemName,
  itemNote,
  isMobile,
}: Props<Line>) {
  const { t, i18n } = useTranslation();
  const money = (amount: string | undefined) => formatMoney(amount, currency, i18n.language);
  const quantity = (line: Line) => formatQuantity(line.quantity, i18n.language);
  const rows = lines.map((line, index) => ({ line, key: line.id ?? index }));
  const columns: ColumnsType<(typeof rows)[number]> = [
    {
      key: 'item',
      title: itemTitle,
      render: (_, { line }) =>
        itemNote ? (
          <Flex vertical gap={2}>
            <span>{itemName(line)}</span>
            {itemNote(line)}
          </Flex>
        ) : (
          itemName(line)
        ),
    },
    { key: 'quantity', title: t('lineItems.quantity'), align: 'right', render: (_, { line }) => quantity(line) },
    { key: 'unit', title: t('lineItems.unitPrice'), align: 'right', render: (_, { line }) => money(line.unit_price) },
    { key: 'discount', title: t('lineItems.discount'), align: 'right', render: (_, { line }) => `${Number(line.discount ?? 0)}%` },
    { key: 'total', title: t('lineItems.lineTotal'), align: 'right', render: (_, { line }) => money(line.line_total) },
  ];

  return (
    <Card title={<h3 className="card-title">{title}</h3>} className={className}>
      {rows.length === 0 ? (
        <Empty description={t('lineItems.empty')} />
      ) : isMobile ? (
        <List
          dataSource={rows}
          renderItem={({ line }) => (
            <List.Item>
              <div className="line-card">
                <Typography.Text strong>{itemName(line)}</Typography.Text>
                <div>
                  {quantity(line)} × {money(line.unit_price)}
                  {Number(line.discount ?? 0) > 0 && ` −${Number(line.discount)}%`}
                </div>
                <Typography.Text strong>{money(line.line_total)}</Typography.Text>
                {itemNote && <div>{itemNote(line)}</div>}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} />
      )}
    </Card>
  );
}
