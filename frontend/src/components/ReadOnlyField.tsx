import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A label and value in a record's field list (`<dl>`), laid out like an EditableField; "Not set" when empty. */
export function ReadOnlyField({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="editable-field">
      <dt>{label}</dt>
      <dd>{empty ? <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text> : children}</dd>
    </div>
  );
}
