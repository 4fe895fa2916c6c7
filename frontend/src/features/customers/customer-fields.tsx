import { Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateEntity } from '../../components/duplicates/api';
import { useDuplicateEditing } from '../../components/duplicates/use-duplicates-after-save';
import { EditableField } from '../../components/EditableField';
import type { Company, Contact } from '../../api/types';
import type { CompanySize } from './types';

/** The company and contact fields a person types, shared by the create forms and the in-place editors. */
export type CustomerTextField = 'name' | 'industry' | 'website' | 'phone' | 'address' | 'title' | 'email' | 'description';

/** The server's limits (backend/crm/customers/schemas.py), checked before sending. */
const MAX_LENGTH: Record<CustomerTextField, number> = {
  name: 200,
  industry: 100,
  website: 255,
  phone: 40,
  address: 500,
  title: 100,
  email: 254,
  description: 10000,
};

export const COMPANY_SIZES: CompanySize[] = ['1-10', '11-50', '51-200', '201-1000', '1001+'];

export function customerFieldRules(field: CustomerTextField, t: TFunction): Rule[] {
  const max = MAX_LENGTH[field];
  const rules: Rule[] = [{ max, message: t('leads.validation.tooLong', { max }) }];
  if (field === 'name') rules.unshift({ required: true, whitespace: true, message: t('leads.validation.nameRequired') });
  if (field === 'email') rules.push({ type: 'email', message: t('leads.validation.email') });
  return rules;
}

/**
 * The input of one text field. Form.Item hands its child `id`, `value` and `onChange`: they are
 * passed on to the antd input so the form controls it and its label points at it.
 */
export function CustomerFieldInput({
  field,
  autoFocus,
  ...control
}: {
  field: CustomerTextField;
  autoFocus?: boolean;
  id?: string;
  value?: string | null;
  onChange?: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}): ReactNode {
  const { t } = useTranslation();
  const props = { ...control, value: control.value ?? undefined, autoFocus };
  switch (field) {
    case 'phone':
      return <Input {...props} type="tel" inputMode="tel" autoComplete="tel" placeholder={t('customers.placeholders.phone')} />;
    case 'email':
      return <Input {...props} type="email" inputMode="email" autoComplete="email" />;
    case 'website':
      return <Input {...props} inputMode="url" autoComplete="url" placeholder={t('customers.placeholders.website')} />;
    case 'address':
    case 'description':
      return <Input.TextArea {...props} autoSize={{ minRows: field === 'address' ? 2 : 3, maxRows: 10 }} />;
    default:
      return <Input {...props} />;
  }
}

/** antd Select options cannot be null: a cleared size is `undefined` inside, `null` outside. */
export function SizeSelect({
  value,
  onChange,
  id,
  autoFocus,
}: {
  value?: CompanySize | null;
  onChange?: (value: CompanySize | null) => void;
  id?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select<CompanySize>
      id={id}
      autoFocus={autoFocus}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={t('customers.placeholders.size')}
      options={COMPANY_SIZES.map((size) => ({ value: size, label: t('customers.size', { size }) }))}
    />
  );
}

/** How a field reads on a detail page: phones, emails and websites are links. */
function displayOf(field: CustomerTextField, value: string | null | undefined): ReactNode {
  if (!value) return undefined;
  switch (field) {
    case 'phone':
      return <a href={`tel:${value}`}>{value}</a>;
    case 'email':
      return <a href={`mailto:${value}`}>{value}</a>;
    case 'website':
      return (
        <a href={value} target="_blank" rel="noreferrer">
          {value}
        </a>
      );
    case 'address':
    case 'description':
      return <span className="pre-wrap">{value}</span>;
    default:
      return value;
  }
}

/** Blank optional text means "none" to the API (a blank name is refused by its rule). */
function textPatch(field: CustomerTextField, value: string | null): TextPatch {
  const text = value?.trim() ?? '';
  return field === 'name' ? { name: text } : { [field]: text || null };
}

/** A change of one text field: optional ones may become null, the name may not. */
type TextPatch = { name?: string } & { [F in Exclude<CustomerTextField, 'name'>]?: string | null };

/** One text field of a company or contact, edited in place; `save` sends it with If-Match. */
export function TextFieldEditor({
  field,
  label,
  value,
  canEdit,
  save,
  duplicates,
}: {
  field: CustomerTextField;
  label: string;
  value: string | null | undefined;
  canEdit: boolean;
  save: (patch: TextPatch) => Promise<unknown>;
  /** Warn when a new name, email or phone matches other records of this kind. */
  duplicates?: { entity: DuplicateEntity; record: Company | Contact };
}) {
  const { t } = useTranslation();
  const editing = useDuplicateEditing(duplicates?.entity ?? 'companies', duplicates?.record);
  return (
    <EditableField<string | null>
      name={field}
      label={label}
      value={value ?? null}
      display={displayOf(field, value)}
      canEdit={canEdit}
      rules={customerFieldRules(field, t)}
      input={<CustomerFieldInput field={field} autoFocus />}
      onSave={(next) => save(textPatch(field, next)).then(duplicates && editing.saved(field, next))}
      hint={editing.hint(field)}
      // The page shows the conflict alert for a 412.
      handledStatuses={[412]}
    />
  );
}
