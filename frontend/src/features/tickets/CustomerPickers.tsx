import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllowClear, usePickerSearch, withChosen, type PickerProps } from '../../components/CompanyPicker';
import { useCompanyContactSearch } from './api/get-companies';

/**
 * Picks one of the company's contacts by typing part of the name (GET /contacts?company_id=&q=,
 * searched by the API once the picker is opened); disabled until a company is chosen.
 */
export function ContactPicker({ companyId, value, onChange, id, autoFocus, chosen }: PickerProps & { companyId: number | null | undefined }) {
  const { t } = useTranslation();
  const search = usePickerSearch();
  const contacts = useCompanyContactSearch(companyId, search.term, { enabled: search.opened });
  const allowClear = useAllowClear();
  const options = (contacts.data ?? []).map((contact) => ({ value: contact.id, label: contact.name }));
  return (
    <Select<number>
      id={id}
      autoFocus={autoFocus}
      allowClear={allowClear}
      // A contact set without a company can still be cleared.
      disabled={!companyId && !value}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={contacts.isFetching}
      placeholder={companyId ? t('tickets.form.contactPlaceholder') : t('tickets.form.contactNeedsCompany')}
      notFoundContent={contacts.isFetching ? t('common.loading') : t('tickets.form.noContacts')}
      options={!search.typed && value && chosen?.id === value ? withChosen(options, chosen) : options}
      showSearch={search.showSearch}
      onOpenChange={search.onOpenChange}
    />
  );
}
