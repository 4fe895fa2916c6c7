/** Query keys of the customers feature (companies and contacts). */
export const customerKeys = {
  companies: (q?: string) => ['companies', 'list', q ?? ''] as const,
  company: (id: number) => ['companies', 'detail', id] as const,
  companyContacts: (id: number) => ['companies', 'detail', id, 'contacts'] as const,
  companyOpportunities: (id: number) => ['companies', 'detail', id, 'opportunities'] as const,
  companyFollowUps: (id: number) => ['companies', 'detail', id, 'follow-ups'] as const,
  contacts: (q?: string) => ['contacts', 'list', q ?? ''] as const,
  contact: (id: number) => ['contacts', 'detail', id] as const,
  contactFollowUps: (id: number) => ['contacts', 'detail', id, 'follow-ups'] as const,
};

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
