/** Every route of the SPA, in one place. */
export const paths = {
  home: '/',
  login: '/login',
  leads: '/leads',
  leadPattern: '/leads/:leadId',
  lead: (id: number | string) => `/leads/${id}`,
  pipeline: '/pipeline',
  opportunities: '/opportunities',
  opportunityPattern: '/opportunities/:opportunityId',
  opportunity: (id: number | string) => `/opportunities/${id}`,
  orders: '/orders',
  orderPattern: '/orders/:orderId',
  order: (id: number | string) => `/orders/${id}`,
  companies: '/companies',
  companyPattern: '/companies/:companyId',
  company: (id: number | string) => `/companies/${id}`,
  contacts: '/contacts',
  contactPattern: '/contacts/:contactId',
  contact: (id: number | string) => `/contacts/${id}`,
  products: '/products',
  duplicatesPattern: '/duplicates/:entity',
  /** Possible duplicates among companies, contacts or leads. */
  duplicates: (entity: 'companies' | 'contacts' | 'leads') => `/duplicates/${entity}`,
  tickets: '/tickets',
  ticketPattern: '/tickets/:ticketId',
  ticket: (id: number | string) => `/tickets/${id}`,
  slaPolicies: '/settings/sla',
  /** The customer's upload page (no login). */
  publicUploadPattern: '/u/:token',
} as const;

/** Where to come back to after logging in (only paths inside the app). */
export function loginPath(next?: string): string {
  if (!next || next === paths.home || !next.startsWith('/') || next.startsWith('//')) {
    return paths.login;
  }
  return `${paths.login}?next=${encodeURIComponent(next)}`;
}

export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.leads;
}
