import { screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ignoreListDeprecation } from '../test/console';
import { users } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { setViewportWidth } from '../test/viewport';
import { RecordList, type PagedListQuery, type RecordColumn } from './RecordList';
import { SearchListPage } from './SearchListPage';

interface Row {
  id: number;
  name: string;
  city: string;
}

const columns: RecordColumn<Row>[] = [
  { key: 'name', title: 'Name', render: (row) => row.name },
  { key: 'city', title: 'City', render: (row) => row.city },
];

function pagedQuery(overrides: Partial<PagedListQuery<Row>> = {}): PagedListQuery<Row> {
  return {
    data: { pages: [{ items: [{ id: 1, name: 'Hengli Pumps', city: 'Suzhou' }] }, { items: [{ id: 2, name: 'Lotus Valves', city: 'Wuxi' }] }] },
    error: null,
    isPending: false,
    isFetching: false,
    hasNextPage: false,
    isFetchingNextPage: false,
    refetch: vi.fn(),
    fetchNextPage: vi.fn(),
    ...overrides,
  };
}

function renderList(query: PagedListQuery<Row>, renderCard?: (row: Row) => string) {
  return renderWithProviders(
    <RecordList query={query} columns={columns} emptyText="No rows" loadMoreText="More rows" renderCard={renderCard} />,
    { user: users.sales },
  );
}

describe('RecordList', () => {
  afterEach(() => setViewportWidth(1280));

  it('shows every page of records in one table on a laptop, and asks for the next page', async () => {
    const query = pagedQuery({ hasNextPage: true });
    const { user } = renderList(query);
    const rows = screen.getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['NameCity', 'Hengli PumpsSuzhou', 'Lotus ValvesWuxi']);
    await user.click(screen.getByRole('button', { name: 'More rows' }));
    expect(query.fetchNextPage).toHaveBeenCalledOnce();
  });

  it('shows cards on a phone: the first column as title, the others labelled, or the page’s own card', () => {
    setViewportWidth(390);
    ignoreListDeprecation();
    const { container, unmount } = renderList(pagedQuery());
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const cards = container.querySelectorAll('.list-card');
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('.list-card-title')).toHaveTextContent('Hengli Pumps');
    expect(within(cards[0] as HTMLElement).getByRole('definition')).toHaveTextContent('Suzhou');
    expect(within(cards[0] as HTMLElement).getByRole('term')).toHaveTextContent('City');
    expect(screen.queryByRole('button', { name: 'More rows' })).not.toBeInTheDocument();
    unmount();

    const custom = renderList(pagedQuery(), (row) => `${row.name} in ${row.city}`);
    expect([...custom.container.querySelectorAll('.list-card')].map((card) => card.textContent)).toEqual([
      'Hengli Pumps in Suzhou',
      'Lotus Valves in Wuxi',
    ]);
  });

  it('shows the loading state, the empty state, and an error with a retry', async () => {
    const loading = renderList(pagedQuery({ data: undefined, isPending: true }));
    expect(screen.getByText('Loading…').parentElement).toHaveAttribute('aria-busy', 'true');
    loading.unmount();

    const empty = renderList(pagedQuery({ data: { pages: [{ items: [] }] } }));
    expect(screen.getByText('No rows')).toBeInTheDocument();
    empty.unmount();

    const query = pagedQuery({ error: new Error('boom') });
    const { user } = renderList(query);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(query.refetch).toHaveBeenCalledOnce();
  });
});

describe('SearchListPage', () => {
  function renderPage(path: string) {
    const router = createMemoryRouter(
      [
        {
          path: '/rows',
          element: (
            <SearchListPage
              className="row-list-page"
              title="Rows"
              searchLabel="Search rows"
              action={<button type="button">New row</button>}
              query={pagedQuery({ data: { pages: [{ items: [] }] } })}
              columns={columns}
              emptyText="No rows yet"
              emptyFilteredText="No rows match"
              loadMoreText="More rows"
            >
              <aside>Drawer</aside>
            </SearchListPage>
          ),
        },
      ],
      { initialEntries: [path] },
    );
    return { ...renderWithProviders(<RouterProvider router={router} />, { user: users.sales }), router };
  }

  it('names the page, puts the search in the URL and says why the list is empty', async () => {
    const { user, router, container } = renderPage('/rows');
    expect(container.querySelector('.page.row-list-page')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Rows' })).toBeInTheDocument();
    expect(document.title).toMatch(/^Rows · /);
    expect(screen.getByRole('button', { name: 'New row' })).toBeInTheDocument();
    expect(screen.getByText('Drawer')).toBeInTheDocument();
    expect(screen.getByText('No rows yet')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search rows' }), ' pump {Enter}');
    expect(router.state.location.search).toBe('?q=pump');
    expect(await screen.findByText('No rows match')).toBeInTheDocument();
  });
});
