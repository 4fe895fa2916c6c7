import { CompanyPicker } from '../../components/CompanyPicker';
import { EditableField } from '../../components/EditableField';
import { CompanyLink } from './CompanyLink';
import { useCompany } from './api/get-company';

/** A company reference (a contact's company, a company's parent) edited in place with the company picker. */
export function CompanyEditor({
  name,
  label,
  value,
  canEdit,
  onSave,
}: {
  name: 'company_id' | 'parent_id';
  label: string;
  value: number | null | undefined;
  canEdit: boolean;
  onSave: (id: number | null) => Promise<unknown>;
}) {
  // The picker shows the current company by name before anything is typed.
  const current = useCompany(value ?? 0, { enabled: !!value }).data?.company;
  return (
    <EditableField<number | null>
      name={name}
      label={label}
      value={value ?? null}
      display={value ? <CompanyLink id={value} /> : undefined}
      canEdit={canEdit}
      input={<CompanyPicker autoFocus chosen={value ? { id: value, name: current?.name ?? `#${value}` } : null} />}
      onSave={(next) => onSave(next ?? null)}
      handledStatuses={[412]}
    />
  );
}
