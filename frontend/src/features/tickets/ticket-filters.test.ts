import { describe, expect, it } from 'vitest';
import { countFilters, filtersFromParams, filtersToParams } from './ticket-filters';
import { DEFAULT_TICKET_SORT, TICKET_SORTS } from './ticket-options';

describe('ticket filters in the URL', () => {
  it.each(TICKET_SORTS.filter((sort) => sort !== DEFAULT_TICKET_SORT))('keep the sort %s the list offers', (sort) => {
    const filters = filtersFromParams(new URLSearchParams({ sort }));
    expect(filters).toEqual({ sort });
    expect(filtersToParams(filters).get('sort')).toBe(sort);
  });

  it('ignore sorts the API does not know', () => {
    expect(filtersFromParams(new URLSearchParams('sort=subject'))).toEqual({});
  });

  it('keep one customer, and ignore a company that is no id', () => {
    expect(filtersToParams(filtersFromParams(new URLSearchParams('company=5'))).toString()).toBe('company=5');
    expect(filtersFromParams(new URLSearchParams('company=abc'))).toEqual({});
    expect(filtersFromParams(new URLSearchParams('company=-3'))).toEqual({});
  });

  it('keep the "customer replied" filter, counted like the other filters', () => {
    const filters = filtersFromParams(new URLSearchParams('replied=1'));
    expect(filters).toEqual({ replied: true });
    expect(countFilters(filters)).toBe(1);
    expect(filtersToParams(filters).toString()).toBe('replied=1');
    expect(filtersFromParams(new URLSearchParams('replied=0'))).toEqual({});
  });

  it('keep one contact, and ignore a contact that is no id', () => {
    const filters = filtersFromParams(new URLSearchParams('contact=30'));
    expect(filters).toEqual({ contact: 30 });
    expect(countFilters(filters)).toBe(1);
    expect(filtersToParams(filtersFromParams(new URLSearchParams('company=5&contact=30'))).toString()).toBe('company=5&contact=30');
    expect(filtersFromParams(new URLSearchParams('contact=abc'))).toEqual({});
    expect(filtersFromParams(new URLSearchParams('contact=0'))).toEqual({});
    expect(filtersFromParams(new URLSearchParams('contact=2.5'))).toEqual({});
  });
});
