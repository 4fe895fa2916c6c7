import { act, screen, waitFor, within } from '@testing-library/react';
import { Checkbox } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import enUS from '../i18n/en-US.json';
import zhCN from '../i18n/zh-CN.json';
import { users } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { setViewportWidth } from '../test/viewport';
import { ListFilterBar, type FilteredList } from './ListFilterBar';

function renderBar(
  list: FilteredList,
  { isMobile = false, hasFilters = false, activeCount = 0, q = 'pump' }: { isMobile?: boolean; hasFilters?: boolean; activeCount?: number; q?: string } = {},
) {
  const onChange = vi.fn();
  const onClear = vi.fn();
  const view = renderWithProviders(
    <ListFilterBar
      list={list}
      filters={{ q, sort: undefined }}
      onChange={onChange}
      onClear={onClear}
      controls={[{ key: 'mine', node: <Checkbox>Mine only</Checkbox> }]}
      sorts={['-created_at', 'created_at'] as const}
      defaultSort="-created_at"
      activeCount={activeCount}
      hasFilters={hasFilters}
      isMobile={isMobile}
    />,
    { user: users.sales },
  );
  return { ...view, onChange, onClear };
}

describe('ListFilterBar', () => {
  it('shows the search, the list’s controls and the sort in one named row on a laptop', async () => {
    const { user, onChange, onClear } = renderBar('leads', { hasFilters: true });
    const bar = screen.getByRole('search', { name: 'Search and filter leads' });
    expect(bar).toHaveClass('lead-filter-bar');
    const search = within(bar).getByRole('searchbox', { name: 'Search leads' });
    expect(search).toHaveValue('pump');
    expect(search).toHaveAttribute('placeholder', 'Name, company or phone');
    expect(within(bar).getByRole('checkbox', { name: 'Mine only' })).toBeInTheDocument();

    // The sort shows the default order until one is chosen.
    const sort = within(bar).getByRole('combobox', { name: 'Sort by' });
    expect(bar).toHaveTextContent(enUS.leads.sort['-created_at']);
    await user.click(sort);
    await user.click(await screen.findByTitle(enUS.leads.sort.created_at));
    expect(onChange).toHaveBeenCalledWith({ sort: 'created_at' });

    await user.clear(search);
    await user.type(search, '  valve {Enter}');
    expect(onChange).toHaveBeenCalledWith({ q: 'valve' });

    await user.click(within(bar).getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalled();
  });

  it('offers no clear button while no filter is set', () => {
    renderBar('tickets');
    const bar = screen.getByRole('search', { name: 'Ticket filters' });
    expect(bar).toHaveClass('ticket-filter-bar');
    expect(within(bar).queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('puts the controls and the sort in a bottom drawer on a phone, with the count on its button', async () => {
    setViewportWidth(390);
    const { user, onClear } = renderBar('tickets', { isMobile: true, hasFilters: true, activeCount: 2 });
    const bar = screen.getByRole('search', { name: 'Ticket filters' });
    expect(bar).toHaveClass('ticket-filter-bar', 'mobile');
    expect(within(bar).getByRole('searchbox', { name: 'Search tickets' })).toBeInTheDocument();
    expect(within(bar).queryByRole('combobox', { name: 'Sort by' })).not.toBeInTheDocument();

    await user.click(within(bar).getByRole('button', { name: 'Filters (2 set)' }));
    const drawer = await screen.findByRole('dialog', { name: 'Filter tickets' });
    expect(within(drawer).getByRole('checkbox', { name: 'Mine only' })).toBeInTheDocument();
    // In the drawer each control has a visible label.
    expect(within(drawer).getByText('Sort by', { selector: 'label' })).toBeInTheDocument();
    expect(within(drawer).getByRole('combobox', { name: 'Sort by' })).toBeInTheDocument();

    await user.click(within(drawer).getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalled();
    await user.click(within(drawer).getByRole('button', { name: 'Show tickets' }));
    await waitFor(() => expect(drawer.closest('.ant-drawer')).not.toHaveClass('ant-drawer-open'));
  });

  it('names the Filters button by its text while no filter is set', () => {
    setViewportWidth(390);
    renderBar('leads', { isMobile: true });
    expect(screen.getByRole('button', { name: 'Filters' })).toBeInTheDocument();
  });

  it.each([
    ['leads', 'en-US', enUS.leads],
    ['leads', 'zh-CN', zhCN.leads],
    ['tickets', 'en-US', enUS.tickets],
    ['tickets', 'zh-CN', zhCN.tickets],
  ] as const)('speaks the %s list’s messages in %s', async (list, language, messages) => {
    await act(() => i18n.changeLanguage(language));
    renderBar(list, { q: '' });
    const bar = screen.getByRole('search', { name: messages.filters.label });
    const search = within(bar).getByRole('searchbox', { name: messages.search });
    expect(search).toHaveAttribute('placeholder', messages.searchPlaceholder);
    expect(within(bar).getByRole('combobox', { name: messages.sort.label })).toBeInTheDocument();
  });
});
