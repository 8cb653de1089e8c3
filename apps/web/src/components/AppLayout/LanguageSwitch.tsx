import { useTranslation } from 'react-i18next';
import { Button } from '@rijkshuisstijl-community/components-react';
import { LANGUAGES } from '../../i18n';

/** Each language is named in itself (and marked with its lang), as users look for their own. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav aria-label={t('header.languageNav')} className="hoeder-language">
      {LANGUAGES.map((language) => {
        const current = i18n.resolvedLanguage === language;
        return (
          <Button
            key={language}
            appearance="subtle-button"
            lang={language}
            pressed={current}
            onClick={() => void i18n.changeLanguage(language)}
          >
            {t(`language.${language}`)}
          </Button>
        );
      })}
    </nav>
  );
}
