import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router-dom';
import { ButtonLink, Link } from '@rijkshuisstijl-community/components-react';

/** The Rijkshuisstijl link, navigating inside the single-page app without a full reload. */
export function RouterLink({ to, children, current }: { to: To; children: ReactNode; current?: boolean }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link href={href} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** A link that looks like a button, for the main call to action of a page. */
export function RouterButtonLink({ to, children }: { to: To; children: ReactNode }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <ButtonLink appearance="primary-action-button" href={href} onClick={onClick}>
      {children}
    </ButtonLink>
  );
}
