import type { Chosen } from '../../components/CompanyPicker';
import { useCustomerCompany, useCustomerContact } from './api/get-customer';
import type { TicketFilters } from './api/get-tickets';
import type { CustomerPreset } from './TicketCreateDrawer';

/** The record by name once loaded, by `#id` until then. */
function named(id: number | null | undefined, name: string | undefined): Chosen | null {
  return id ? { id, name: name ?? `#${id}` } : null;
}

/**
 * The customer the list shows the tickets of (`?company=`, `?contact=`), by name, and the customer
 * a new ticket starts with: a contact brings along the company they work for.
 */
export function useCustomerFilter({ company: companyFilter, contact: contactFilter }: TicketFilters) {
  const contact = useCustomerContact(contactFilter);
  const companyId = companyFilter ?? contact.data?.company_id;
  const company = useCustomerCompany(companyId);
  const preset: CustomerPreset = {
    company: named(companyId, company.data?.name),
    contact: named(contactFilter, contact.data?.name),
  };
  return {
    company: companyFilter ? preset.company : null,
    contact: preset.contact,
    preset,
    /** The contact's company is known (or cannot be), so the new-ticket form can start with it. */
    presetReady: !(contactFilter && contact.isPending),
  };
}
