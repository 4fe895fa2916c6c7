/** Query keys of the customers feature (companies and contacts). */
export const customerKeys = {
  companyLists: () => ['companies', 'list'] as const,
  companies: (q?: string) => [...customerKeys.companyLists(), q ?? ''] as const,
  company: (id: number) => ['companies', 'detail', id] as const,
  companyContacts: (id: number) => ['companies', 'detail', id, 'contacts'] as const,
  companyOpportunities: (id: number) => ['companies', 'detail', id, 'opportunities'] as const,
  companyFollowUps: (id: number) => ['companies', 'detail', id, 'follow-ups'] as const,
  contactLists: () => ['contacts', 'list'] as const,
  contacts: (q?: string) => [...customerKeys.contactLists(), q ?? ''] as const,
  contact: (id: number) => ['contacts', 'detail', id] as const,
  contactFollowUps: (id: number) => ['contacts', 'detail', id, 'follow-ups'] as const,
  /** Under the ticket lists' prefix, so a ticket saved anywhere refreshes the customer's card. */
  tickets: (customer: CustomerRef) => ['tickets', 'list', 'customer', customer] as const,
};

/** Whose tickets: a company's or a contact's. */
export type CustomerRef = { company_id: number } | { contact_id: number };

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
