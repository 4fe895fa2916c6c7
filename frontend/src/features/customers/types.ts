import type { components } from '../../api/schema';
import type { Company, Contact } from '../../api/types';

type Schemas = components['schemas'];

export type CompanyCreate = Schemas['CompanyInput'];
export type CompanyUpdate = Schemas['CompanyUpdate'];
export type CompanySize = NonNullable<Company['size']>;
export type ContactCreate = Schemas['ContactInput'];
export type ContactUpdate = Schemas['ContactUpdate'];

/** A record and its ETag (sent back in If-Match when saving). */
export interface CompanyWithEtag {
  company: Company;
  etag: string | null;
}

export interface ContactWithEtag {
  contact: Contact;
  etag: string | null;
}
