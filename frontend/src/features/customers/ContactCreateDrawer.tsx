import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompanyPicker, type Chosen } from '../../components/CompanyPicker';
import { CreateRecordDrawer } from '../../components/CreateRecordDrawer';
import { paths } from '../../paths';
import { useCreateContact } from './api/create-contact';
import { CustomerFieldInput, customerFieldRules, type CustomerTextField } from './customer-fields';
import { OwnerFormItem, useDefaultOwner } from './owner-fields';
import type { ContactCreate } from './types';

const TEXT_FIELDS: CustomerTextField[] = ['title', 'phone', 'email'];
const FORM_FIELDS = ['name', 'company_id', ...TEXT_FIELDS, 'owner_id', 'description'];

/** A new contact; from a company's page the company is filled in already. */
export function ContactCreateDrawer({ open, onClose, company }: { open: boolean; onClose: () => void; company?: Chosen }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactCreate>();
  const mutation = useCreateContact();
  const defaultOwner = useDefaultOwner();

  return (
    <CreateRecordDrawer
      open={open}
      onClose={onClose}
      title={t('customers.newContact')}
      submitText={t('customers.createContact')}
      className="contact-create-drawer"
      form={form}
      formName="contact-create"
      initialValues={{ ...defaultOwner, company_id: company?.id }}
      fieldNames={FORM_FIELDS}
      mutation={mutation}
      duplicates="contacts"
      onCreated={({ contact }) => ({ message: t('customers.contactCreated', { name: contact.name }), to: paths.contact(contact.id) })}
    >
      <Form.Item name="name" label={t('contacts.fields.name')} rules={customerFieldRules('name', t)}>
        <CustomerFieldInput field="name" autoFocus />
      </Form.Item>
      <Form.Item name="company_id" label={t('contacts.fields.company')}>
        <CompanyPicker chosen={company} />
      </Form.Item>
      {TEXT_FIELDS.map((field) => (
        <Form.Item key={field} name={field} label={t(`contacts.fields.${field}`)} rules={customerFieldRules(field, t)}>
          <CustomerFieldInput field={field} />
        </Form.Item>
      ))}
      <OwnerFormItem label={t('contacts.fields.owner')} />
      <Form.Item name="description" label={t('contacts.fields.description')} rules={customerFieldRules('description', t)}>
        <CustomerFieldInput field="description" />
      </Form.Item>
    </CreateRecordDrawer>
  );
}
