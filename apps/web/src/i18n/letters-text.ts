import { useTranslation } from 'react-i18next';
import type nl from './nl.json';
import { untyped } from './enums';

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

export type LetterKey = Leaves<(typeof nl)['letters']>;
export type ObjectionKey = Leaves<(typeof nl)['objections']>;

/** `t` for the letters and objections panels: `tl('title')` is `t('letters.title')`, `to(...)` for `objections.`. */
export function useLettersText() {
  const { t, i18n } = useTranslation();
  const tl = (key: LetterKey, values?: Record<string, unknown>) => untyped(t)(`letters.${key}`, values);
  const to = (key: ObjectionKey, values?: Record<string, unknown>) => untyped(t)(`objections.${key}`, values);
  return { t, tl, to, i18n };
}
