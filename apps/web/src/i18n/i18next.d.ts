import 'i18next';
import type nl from './nl.json';

// Translation keys are checked at compile time against the Dutch source texts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
