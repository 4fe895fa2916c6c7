import { http } from 'msw';
import type { Company, Contact } from '../../api/types';
import { API, json, problem } from '../../test/fixtures';

interface Patch {
  ifMatch: string | null;
  body: Record<string, unknown>;
}

/**
 * A company or contact on the mocked server, with ETags that change on every save like the real
 * one: 428 without If-Match, 412 when stale, and 422 for a phone the server cannot read.
 */
export function recordOnServer<T extends Company | Contact>(collection: 'companies' | 'contacts', initial: T) {
  let record = { ...initial };
  let version = 1;
  const patches: Patch[] = [];
  const etag = () => `"v${version}"`;
  const url = `${API}/${collection}/${record.id}`;
  return {
    handlers: [
      http.get(url, () => json(record, { headers: { ETag: etag() } })),
      http.patch(url, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        const ifMatch = request.headers.get('If-Match');
        patches.push({ ifMatch, body });
        if (!ifMatch) return problem(428, "Send the record's ETag in If-Match to update it.");
        if (ifMatch !== etag()) return problem(412, 'The record was changed by someone else; reload it and try again.');
        if (body.phone === '12') return problem(422, 'The request has invalid fields.', { phone: ['Not a valid phone number.'] });
        record = { ...record, ...body };
        version += 1;
        return json(record, { headers: { ETag: etag() } });
      }),
    ],
    patches,
    /** Someone else saves a change meanwhile. */
    changeElsewhere(patch: Partial<T>) {
      record = { ...record, ...patch };
      version += 1;
    },
  };
}

/** What a company page asks for besides the company: contacts, opportunities, tickets and timeline. */
export function companyPageHandlers(companyId: number, contacts: Contact[] = []) {
  return [
    http.get(`${API}/companies/${companyId}/contacts`, () => json({ items: contacts, next_cursor: null })),
    http.get(`${API}/companies/${companyId}/follow-ups`, () => json({ items: [], next_cursor: null })),
    http.get(`${API}/opportunities`, () => json({ items: [], next_cursor: null })),
    http.get(`${API}/tickets`, () => json({ items: [], next_cursor: null })),
  ];
}

/** What a contact page asks for besides the contact: their timeline and tickets. */
export function contactPageHandlers(contactId: number) {
  return [
    http.get(`${API}/contacts/${contactId}/follow-ups`, () => json({ items: [], next_cursor: null })),
    http.get(`${API}/tickets`, () => json({ items: [], next_cursor: null })),
  ];
}

/** The field of a detail page's field list. */
export function field(name: string) {
  return document.querySelector(`[data-field="${name}"]`) as HTMLElement;
}
