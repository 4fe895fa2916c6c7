import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Read-only label/value pairs of a detail page ("Not set" when empty). */
export function Fields({ fields }: { fields: [string, ReactNode][] }) {
  const { t } = useTranslation();
  return (
    <dl className="field-list">
      {fields.map(([label, value]) => (
        <div className="editable-field" key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
