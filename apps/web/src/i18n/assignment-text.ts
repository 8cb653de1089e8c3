import { useTranslation } from 'react-i18next';
import type nl from './nl.json';
import { untyped } from './enums';

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

/** The keys of the `assignments` block: checked at compile time, kept out of i18next's own (too deep) key type. */
export type AssignmentKey = Leaves<(typeof nl)['assignments']>;

/** `t` for the assignment pages: `ta('inbox.title')` is `t('assignments.inbox.title')`. */
export function useAssignmentText() {
  const { t, i18n } = useTranslation();
  const ta = (key: AssignmentKey, values?: Record<string, unknown>) => untyped(t)(`assignments.${key}`, values);
  return { t, ta, i18n };
}

export type AssignmentText = ReturnType<typeof useAssignmentText>['ta'];
