import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../paths';
import { useSameNameCompanies } from './api/get-same-name-companies';

const TYPING_DELAY_MS = 400;

/**
 * Names existing companies whose name contains the typed one (the list search), a moment after
 * typing stops. It does not stop the form: two companies may well share a name.
 */
export function SameNameWarning({ name }: { name: string | undefined }) {
  const { t } = useTranslation();
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(name?.trim() ?? ''), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [name]);
  const matches = useSameNameCompanies(settled).data ?? [];
  if (!settled || matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      className="form-alert same-name-warning"
      title={t('customers.sameName', { count: matches.length })}
      description={
        <ul className="same-name-list">
          {matches.map((company) => (
            <li key={company.id}>
              {/* A new tab keeps what was typed in the drawer. */}
              <Link to={paths.company(company.id)} target="_blank">
                {company.name}
              </Link>
            </li>
          ))}
        </ul>
      }
    />
  );
}
