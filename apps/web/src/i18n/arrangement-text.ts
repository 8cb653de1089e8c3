import { useTranslation } from 'react-i18next';
import type nl from './nl.json';
import { untyped } from './enums';

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

/** The keys of the `arrangements` block, checked at compile time. */
export type ArrangementKey = Leaves<(typeof nl)['arrangements']>;

/** `t` for agreements, care, the employer and the sourced facts: `tr('agreements.title')`. */
export function useArrangementText() {
  const { t, i18n } = useTranslation();
  const tr = (key: ArrangementKey, values?: Record<string, unknown>) => untyped(t)(`arrangements.${key}`, values);
  /** A code from the API (status, action, duty, module, source) under its group, shown as is when unknown. */
  const code = (group: 'status' | 'action' | 'duty' | 'module' | 'agreementType' | 'source' | 'fact', value: string) => {
    const key = `arrangements.codes.${group}.${value}`;
    const text = untyped(t)(key);
    return text === key ? value : text;
  };
  return { t, tr, code, i18n };
}

export type ArrangementText = ReturnType<typeof useArrangementText>;
