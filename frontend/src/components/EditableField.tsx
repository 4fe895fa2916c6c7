import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Space, Typography, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { applyFieldErrors } from '../lib/forms';
import { errorMessage } from '../lib/messages';

interface Props<V> {
  /** The API field name: server errors for it land under the input. */
  name: string;
  label: string;
  value: V;
  /** How the value reads when not editing (defaults to the value itself). */
  display?: ReactNode;
  canEdit: boolean;
  rules?: Rule[];
  /** The input, rendered inside a Form.Item bound to `name`. */
  input: ReactNode;
  /** Saves the new value; a rejection with field errors keeps the editor open with them. */
  onSave: (value: V) => Promise<unknown>;
  /** Errors the caller shows itself (e.g. 412 conflicts): no toast for them here. */
  handledStatuses?: number[];
  /** Shown under the input while editing, from the value being typed (e.g. a duplicate warning). */
  hint?: (value: V | undefined) => ReactNode;
}

/** The hint for the value being typed; only it re-renders as the user types. */
function TypedHint<V>({ form, name, hint }: { form: FormInstance; name: string; hint: (value: V | undefined) => ReactNode }) {
  return hint(Form.useWatch<V | undefined>(name, form));
}

/**
 * One field of a record, shown as a label and value with an edit button; editing swaps in the
 * input with Save and Cancel (Enter saves, Escape cancels) and keeps the other fields readable.
 */
export function EditableField<V>({
  name,
  label,
  value,
  display,
  canEdit,
  rules,
  input,
  onSave,
  handledStatuses = [],
  hint,
}: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const empty = value === null || value === undefined || value === '';
  // Keyboard users land back on the field's edit button after saving or cancelling.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const cancel = () => {
    setEditing(false);
    form.resetFields();
  };

  const save = async (values: Record<string, V>) => {
    setSaving(true);
    try {
      await onSave(values[name]);
      setEditing(false);
    } catch (error) {
      const leftover = applyFieldErrors(form, error, [name]);
      const status = error instanceof ApiError ? error.status : -1;
      const hasFieldError = error instanceof ApiError && name in error.fieldErrors;
      if (!hasFieldError && !handledStatuses.includes(status)) {
        message.error(leftover.length ? leftover.join(' ') : errorMessage(error, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      cancel();
    }
  };

  const formName = `edit-${name}`;
  const inputId = `${formName}_${name}`;

  return (
    <div className={`editable-field${editing ? ' editing' : ''}`} data-field={name}>
      <dt>{editing ? <label htmlFor={inputId}>{label}</label> : label}</dt>
      <dd>
        {editing ? (
          <Form
            form={form}
            name={formName}
            layout="vertical"
            initialValues={{ [name]: value }}
            onFinish={(values: Record<string, V>) => void save(values)}
            onKeyDown={onKeyDown}
            disabled={saving}
            className="editable-field-form"
          >
            <Form.Item name={name} rules={rules}>
              {input}
            </Form.Item>
            {hint && <TypedHint form={form} name={name} hint={hint} />}
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('common.save')}
              </Button>
              <Button onClick={cancel}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        ) : (
          <>
            <div className="editable-field-value">
              {empty && display === undefined ? (
                <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>
              ) : (
                (display ?? String(value))
              )}
            </div>
            {canEdit && (
              <Button
                ref={editButton}
                type="text"
                className="tap-target edit-button"
                icon={<EditOutlined aria-hidden />}
                aria-label={t('common.editField', { field: label })}
                onClick={() => setEditing(true)}
              />
            )}
          </>
        )}
      </dd>
    </div>
  );
}
