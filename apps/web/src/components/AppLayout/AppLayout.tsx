import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { Footer, PageContent, PageHeader, Paragraph, SkipLink } from '@rijkshuisstijl-community/components-react';
import type { Me } from '@hoeder/contracts';
import { Brand } from './Brand';
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
          <Brand />
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
      <Footer
        background="primary-filled"
        columns={[
          { heading: t('app.footerHeading'), children: <Paragraph>{t('app.footerText')}</Paragraph> },
          { heading: t('app.footerConfidentialHeading'), children: <Paragraph>{t('app.footerConfidential')}</Paragraph> },
        ]}
      />
    </div>
  );
}
