import { Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignee, LeadSource } from '../../api/types';
import { OwnerSelect } from '../../components/OwnerSelect';
import { LEAD_SOURCES } from './lead-options';

/** The lead fields a person types, shared by the create form and the in-place editors. */
export type LeadTextField = 'name' | 'company_name' | 'title' | 'phone' | 'email' | 'description';

export function leadFieldRules(field: LeadTextField, t: TFunction): Rule[] {
  switch (field) {
    case 'name':
      return [
        { required: true, whitespace: true, message: t('leads.validation.nameRequired') },
        { max: 200, message: t('leads.validation.tooLong', { max: 200 }) },
      ];
    case 'company_name':
      return [{ max: 200, message: t('leads.validation.tooLong', { max: 200 }) }];
    case 'title':
      return [{ max: 100, message: t('leads.validation.tooLong', { max: 100 }) }];
    case 'email':
      return [{ type: 'email', message: t('leads.validation.email') }];
    case 'phone':
      return [{ max: 40, message: t('leads.validation.tooLong', { max: 40 }) }];
    case 'description':
      return [{ max: 10000, message: t('leads.validation.tooLong', { max: 10000 }) }];
  }
}

/**
 * The input of one text field. Form.Item hands its child `id`, `value` and `onChange`: they are
 * passed on to the antd input so the form controls it and its label points at it.
 */
export function LeadFieldInput({
  field,
  autoFocus,
  ...control
}: {
  field: LeadTextField;
  autoFocus?: boolean;
  id?: string;
  value?: string | null;
  onChange?: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  'aria-invalid'?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const props = { ...control, value: control.value ?? undefined, autoFocus };
  switch (field) {
    case 'phone':
      return (
        <Input {...props} type="tel" inputMode="tel" autoComplete="tel" placeholder={t('leads.placeholders.phone')} />
      );
    case 'email':
      return <Input {...props} type="email" inputMode="email" autoComplete="email" />;
    case 'description':
      return <Input.TextArea {...props} autoSize={{ minRows: 3, maxRows: 10 }} />;
    default:
      return <Input {...props} placeholder={t(`leads.placeholders.${field}`)} />;
  }
}

export function SourceSelect(props: { value?: LeadSource; onChange?: (value: LeadSource) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Select<LeadSource>
      {...props}
      options={LEAD_SOURCES.map((source) => ({ value: source, label: t(`leads.sources.${source}`) }))}
    />
  );
}

const TEXT_FIELDS: LeadTextField[] = ['name', 'company_name', 'title', 'phone', 'email'];

/** The inputs of the create form (antd Form.Items); server errors land under each field. */
export function LeadFormFields({
  assignees,
  canAssign,
}: {
  assignees: Assignee[];
  canAssign: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {TEXT_FIELDS.map((field, index) => (
        <Form.Item key={field} name={field} label={t(`leads.fields.${field}`)} rules={leadFieldRules(field, t)}>
          <LeadFieldInput field={field} autoFocus={index === 0} />
        </Form.Item>
      ))}
      <Form.Item name="source" label={t('leads.fields.source')}>
        <SourceSelect />
      </Form.Item>
      {canAssign && (
        <Form.Item name="owner_id" label={t('leads.fields.owner')}>
          <OwnerSelect assignees={assignees} />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('leads.fields.description')} rules={leadFieldRules('description', t)}>
        <LeadFieldInput field="description" />
      </Form.Item>
    </>
  );
}
