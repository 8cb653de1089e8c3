import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';
import { useNavigate } from 'react-router-dom';
import { PageNumberNavigation } from '@rijkshuisstijl-community/components-react';

/** The page links of the Rijkshuisstijl pagination, navigating inside the app without a reload. */
const PageLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(function PageLink({ href, onClick, ...rest }, ref) {
  const navigate = useNavigate();
  return (
    <a
      ref={ref}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!href || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
});

export function Paging({ page, totalPages, href }: { page: number; totalPages: number; href: (page: number) => string }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  return (
    <PageNumberNavigation
      page={page}
      totalPages={totalPages}
      linkTemplate={href}
      linkComponent={PageLink}
      visuallyHiddenLabel={tx('caseSearch.paging.label')}
      previousLabel={tx('caseSearch.paging.previous')}
      nextLabel={tx('caseSearch.paging.next')}
      previousVisuallyHiddenLabel={tx('caseSearch.paging.previousHidden')}
      nextVisuallyHiddenLabel={tx('caseSearch.paging.nextHidden')}
    />
  );
}
