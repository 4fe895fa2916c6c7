import type { DueWithin, LeadFilters } from './api/get-leads';
import { DEFAULT_SORT, DUE_WITHIN, isLeadSort, isLeadSource, isLeadStatus } from './lead-options';

/**
 * The list's filters live in the URL query string, so a view can be bookmarked, shared and
 * survives a reload: ?q=pump&status=new,contacted&owner=me&source=event
 * &created_from=2026-01-01&created_to=2026-01-31&due=today&sort=next_follow_up_at
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OWNER = /^(me|none|[1-9]\d{0,9})$/;

function list(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

export function filtersFromParams(params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 100);
  const status = list(params, 'status').filter(isLeadStatus);
  if (status.length) filters.status = status;
  const source = list(params, 'source').filter(isLeadSource);
  if (source.length) filters.source = source;
  const owner = params.get('owner');
  if (owner && OWNER.test(owner)) filters.owner = owner;
  const from = params.get('created_from');
  if (from && DATE.test(from)) filters.createdFrom = from;
  const to = params.get('created_to');
  if (to && DATE.test(to)) filters.createdTo = to;
  const due = params.get('due');
  if (due && (DUE_WITHIN as readonly string[]).includes(due)) filters.due = due as DueWithin;
  const sort = params.get('sort');
  if (sort && isLeadSort(sort) && sort !== DEFAULT_SORT) filters.sort = sort;
  return filters;
}

export function filtersToParams(filters: LeadFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.status?.length) params.set('status', filters.status.join(','));
  if (filters.source?.length) params.set('source', filters.source.join(','));
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.createdFrom) params.set('created_from', filters.createdFrom);
  if (filters.createdTo) params.set('created_to', filters.createdTo);
  if (filters.due) params.set('due', filters.due);
  if (filters.sort && filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  return params;
}

/** Filters other than the search text and the sort order. */
export function countFilters(filters: LeadFilters): number {
  return [
    filters.status?.length,
    filters.source?.length,
    filters.owner,
    filters.createdFrom || filters.createdTo,
    filters.due,
  ].filter(Boolean).length;
}

export function hasFilters(filters: LeadFilters): boolean {
  return countFilters(filters) > 0 || !!filters.q;
}
