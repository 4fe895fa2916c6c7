import { describe, expect, it } from 'vitest';
import { countFilters, filtersFromParams, filtersToParams } from './lead-filters';

describe('lead filters in the URL', () => {
  it('round-trip', () => {
    const query =
      'q=pump&status=new%2Ccontacted&source=event&owner=me&created_from=2026-01-01&created_to=2026-01-31&due=overdue&sort=name';
    const filters = filtersFromParams(new URLSearchParams(query));
    expect(filters).toEqual({
      q: 'pump',
      status: ['new', 'contacted'],
      source: ['event'],
      owner: 'me',
      createdFrom: '2026-01-01',
      createdTo: '2026-01-31',
      due: 'overdue',
      sort: 'name',
    });
    expect(filtersToParams(filters).toString()).toBe(query);
    expect(countFilters(filters)).toBe(5);
  });

  it('ignore values a hand-edited or old link may carry', () => {
    const filters = filtersFromParams(
      new URLSearchParams('status=new,bogus&owner=../1&created_from=yesterday&due=someday&sort=password&source='),
    );
    expect(filters).toEqual({ status: ['new'] });
  });

  it('leave the default sort out of the URL', () => {
    expect(filtersToParams({ sort: '-created_at' }).toString()).toBe('');
  });
});
