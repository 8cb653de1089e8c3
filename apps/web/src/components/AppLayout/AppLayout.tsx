import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { Footer, Logo, PageContent, PageHeader, Paragraph, SkipLink } from '@rijkshuisstijl-community/components-react';
import type { Me } from '@hoeder/contracts';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

/** Move focus to the content after client-side navigation, as a full page load would. */
function useFocusMainOnNavigation() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  return main;
}

/** Page frame: skip link, header with user and language, main navigation, content, footer. */
export function AppLayout({ me, children }: { me: Me | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const main = useFocusMainOnNavigation();
  return (
    <div className="hoeder-page">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="hoeder-header">
        <div className="hoeder-header__inner">
          <Logo organisation={t('app.name')} subtitle={t('app.tagline')} />
          <div className="hoeder-header__tools">
            <LanguageSwitch />
            {me && <UserMenu me={me} />}
          </div>
        </div>
        {me && <MainNav me={me} />}
      </PageHeader>
      <PageContent className="hoeder-content">
        <main id="main" ref={main} tabIndex={-1} className="hoeder-main">
          {children}
        </main>
      </PageContent>
      <Footer heading={t('app.footerHeading')} background="primary-filled">
        <div>
          <Paragraph>{t('app.footerText')}</Paragraph>
          <Paragraph>{t('app.footerConfidential')}</Paragraph>
        </div>
      </Footer>
    </div>
  );
}
