import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompanyPicker } from '../../components/CompanyPicker';
import { CreateRecordDrawer } from '../../components/CreateRecordDrawer';
import { paths } from '../../paths';
import { useCreateCompany } from './api/create-company';
import { CustomerFieldInput, customerFieldRules, SizeSelect, type CustomerTextField } from './customer-fields';
import { OwnerFormItem, useDefaultOwner } from './owner-fields';
import type { CompanyCreate } from './types';

const TEXT_FIELDS: CustomerTextField[] = ['industry', 'website', 'phone', 'address'];
const FORM_FIELDS = ['name', 'size', ...TEXT_FIELDS, 'parent_id', 'owner_id', 'description'];

/** A new company: its name first (with a hint when it may exist already, by the duplicate rules), the rest optional. */
export function CompanyCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CompanyCreate>();
  const mutation = useCreateCompany();
  const defaultOwner = useDefaultOwner();

  return (
    <CreateRecordDrawer
      open={open}
      onClose={onClose}
      title={t('customers.newCompany')}
      submitText={t('customers.createCompany')}
      className="company-create-drawer"
      form={form}
      formName="company-create"
      initialValues={defaultOwner}
      fieldNames={FORM_FIELDS}
      mutation={mutation}
      duplicates="companies"
      onCreated={({ company }) => ({ message: t('customers.companyCreated', { name: company.name }), to: paths.company(company.id) })}
    >
      <Form.Item name="name" label={t('companies.fields.name')} rules={customerFieldRules('name', t)}>
        <CustomerFieldInput field="name" autoFocus />
      </Form.Item>
      {TEXT_FIELDS.map((field) => (
        <Form.Item key={field} name={field} label={t(`companies.fields.${field}`)} rules={customerFieldRules(field, t)}>
          <CustomerFieldInput field={field} />
        </Form.Item>
      ))}
      <Form.Item name="size" label={t('companies.fields.size')}>
        <SizeSelect />
      </Form.Item>
      <Form.Item name="parent_id" label={t('customers.parent')}>
        <CompanyPicker />
      </Form.Item>
      <OwnerFormItem label={t('companies.fields.owner')} />
      <Form.Item name="description" label={t('companies.fields.description')} rules={customerFieldRules('description', t)}>
        <CustomerFieldInput field="description" />
      </Form.Item>
    </CreateRecordDrawer>
  );
}
