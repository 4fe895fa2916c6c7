import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ignoreListDeprecation } from '../test/console';
import { users } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { setViewportWidth } from '../test/viewport';
import { LineItemsTable, type LineItem } from './LineItemsTable';

type Line = LineItem & { name: string; short?: boolean };

const LINES: Line[] = [
  { id: 1, name: 'Pump P-200', quantity: '2.000', unit_price: '1234.50', discount: '10.00', line_total: '2222.10', short: true },
  { id: 2, name: 'Seal kit', quantity: '12.500', unit_price: '8.00', discount: '0.00', line_total: '100.00' },
];

function renderLines(lines: Line[], { isMobile = false } = {}) {
  return renderWithProviders(
    <LineItemsTable
      title="Line items"
      className="order-lines"
      lines={lines}
      currency="CNY"
      itemTitle="Item"
      itemName={(line) => line.name}
      itemNote={(line) => (line.short ? <span>Short of stock</span> : null)}
      isMobile={isMobile}
    />,
    { user: users.sales },
  );
}

describe('LineItemsTable', () => {
  it('shows a table of the lines on a laptop, money in the record’s currency', () => {
    renderLines(LINES);
    expect(screen.getByRole('heading', { level: 3, name: 'Line items' })).toBeInTheDocument();
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Item', 'Quantity', 'Unit price', 'Discount', 'Line total']);
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Pump P-200Short of stock',
      '2',
      'CN¥1,234.50',
      '10%',
      'CN¥2,222.10',
    ]);
    expect(within(second).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Seal kit',
      '12.5',
      'CN¥8.00',
      '0%',
      'CN¥100.00',
    ]);
  });

  it('shows one card a line on a phone, the discount only where there is one', () => {
    setViewportWidth(390);
    ignoreListDeprecation();
    renderLines(LINES, { isMobile: true });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const [first, second] = screen.getAllByRole('listitem');
    expect(first).toHaveTextContent('Pump P-2002 × CN¥1,234.50 −10%CN¥2,222.10Short of stock');
    expect(second).toHaveTextContent('Seal kit12.5 × CN¥8.00CN¥100.00');
  });

  it('says when there are no lines', () => {
    renderLines([]);
    expect(screen.getByText('No line items')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    await act(() => i18n.changeLanguage('zh-CN'));
    renderLines(LINES);
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Item', '数量', '单价', '折扣', '小计']);
  });
});
