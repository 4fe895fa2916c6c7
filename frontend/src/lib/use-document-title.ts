import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> · CRM" in the browser tab (and for screen readers), in the UI language. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
