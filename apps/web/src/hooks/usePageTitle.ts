import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Each page names itself in the browser tab and for screen readers (WCAG 2.4.2). `null` leaves
 * the title alone, for a parent whose child page (e.g. "not found") names itself.
 */
export function usePageTitle(title: string | null) {
  const { t } = useTranslation();
  useEffect(() => {
    if (title !== null) document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
}
