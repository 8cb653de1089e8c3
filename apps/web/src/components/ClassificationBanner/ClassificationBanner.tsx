import { useTranslation } from 'react-i18next';
import type { Classification } from '@hoeder/domain';
import { enumLabel } from '../../i18n/enums';

/** The marking every page of a classified record carries, first thing on the page. */
export function ClassificationBanner({ classification }: { classification: Classification }) {
  const { t } = useTranslation();
  return (
    <p className={`hoeder-classification hoeder-classification--${classification}`}>
      {t('case.classificationBanner', { classification: enumLabel(t, 'classification', classification) })}
    </p>
  );
}
