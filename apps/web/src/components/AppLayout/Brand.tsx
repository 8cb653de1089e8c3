import { useTranslation } from 'react-i18next';
import { useHref, useLinkClickHandler } from 'react-router-dom';

/**
 * The application's name, linking home. Text only: the Rijksoverheid emblem is not ours to use
 * here, and the Logo component would reserve an empty image slot without it.
 */
export function Brand() {
  const { t } = useTranslation();
  const href = useHref('/');
  const onClick = useLinkClickHandler<HTMLAnchorElement>('/');
  return (
    <a className="hoeder-brand" href={href} onClick={onClick}>
      <span className="hoeder-brand__name">{t('app.name')}</span>
      <span className="hoeder-brand__tagline">{t('app.tagline')}</span>
    </a>
  );
}
