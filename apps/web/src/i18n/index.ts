import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'hoeder.language';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** Dutch first: English only when the user chose it earlier in this browser. */
function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'nl';
}

/** Keep <html lang> right so screen readers pronounce the page in the chosen language. */
function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  if (isLanguage(language)) localStorage.setItem(STORAGE_KEY, language);
}

export function setupI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: initialLanguage(),
    fallbackLng: 'nl',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocumentLanguage(i18n.language);
  i18n.on('languageChanged', syncDocumentLanguage);
  return i18n;
}

/** BCP 47 locale for dates and numbers in the chosen language. */
export const localeOf = (language: string): string => (language === 'en' ? 'en-GB' : 'nl-NL');
