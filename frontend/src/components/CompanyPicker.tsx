import { CloseCircleFilled } from '@ant-design/icons';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanySearch } from '../lib/company-search';

/** A record already chosen, named so the picker can show it before any search has run. */
export interface Chosen {
  id: number;
  name: string;
}

/** antd's clear button, named in the user's language (rc-select names it "Clear" otherwise). */
export function useAllowClear() {
  const { t } = useTranslation();
  return { clearIcon: <CloseCircleFilled aria-hidden />, label: t('common.clear') };
}

export function withChosen(options: { value: number; label: string }[], chosen: Chosen | null | undefined) {
  return chosen && !options.some((option) => option.value === chosen.id)
    ? [{ value: chosen.id, label: chosen.name }, ...options]
    : options;
}

/**
 * The typed text of a server-searched picker: `q` as typed, `term` debounced (300 ms) for the
 * request, and `opened` once the picker was opened (a form or filter bar showing it costs no
 * request until then).
 */
export function usePickerSearch() {
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const [opened, setOpened] = useState(false);
  return {
    typed: q.trim() !== '',
    term,
    opened,
    showSearch: { filterOption: false, onSearch: setQ } as const,
    onOpenChange: (open: boolean) => open && setOpened(true),
  };
}

export interface PickerProps {
  value?: number | null;
  /** `null` when cleared. */
  onChange?: (id: number | null) => void;
  /** Set by Form.Item, so that the field's label names the input. */
  id?: string;
  autoFocus?: boolean;
  /** The current choice (e.g. the record's company), shown by name. */
  chosen?: Chosen | null;
}

interface CompanyPickerProps extends PickerProps {
  /** Names the input where no label does (e.g. in a filter bar). */
  'aria-label'?: string;
  className?: string;
}

/** Picks a company by typing part of its name (the API searches the companies the user can see). */
export function CompanyPicker({ value, onChange, id, autoFocus, chosen, className, 'aria-label': ariaLabel }: CompanyPickerProps) {
  const { t } = useTranslation();
  const search = usePickerSearch();
  const companies = useCompanySearch(search.term, { enabled: search.opened });
  const allowClear = useAllowClear();
  const found = (companies.data ?? []).map((company) => ({ value: company.id, label: company.name }));
  return (
    <Select<number>
      id={id}
      aria-label={ariaLabel}
      className={className}
      autoFocus={autoFocus}
      allowClear={allowClear}
      showSearch={search.showSearch}
      onOpenChange={search.onOpenChange}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={companies.isFetching}
      placeholder={t('tickets.form.companyPlaceholder')}
      notFoundContent={companies.isFetching ? t('common.loading') : t('tickets.form.noCompany')}
      options={search.typed ? found : withChosen(found, chosen)}
    />
  );
}
