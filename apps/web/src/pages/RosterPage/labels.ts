import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';

export type RosterEnum = 'runStatus' | 'origin' | 'domain' | 'shift' | 'qualification' | 'reason';

/** A label of one of the roster's closed lists (roster.enum), looked up by computed key. */
export const rosterLabel = (t: TFunction | ((key: string, values?: Record<string, unknown>) => string), list: RosterEnum, value: string, values?: Record<string, unknown>): string => (t as (key: string, values?: Record<string, unknown>) => string)(`roster.enum.${list}.${value}`, { defaultValue: value, ...values });

/** The roster pages' translation function: roster.* keys are outside the typed key union (i18next.d.ts). */
export function useRosterT() {
  const { t, i18n } = useTranslation();
  return { t: untyped(t), raw: t, i18n };
}

/** Which step of a run failed, from the server's technical failure text (kept as detail). */
export function failureKind(failure: string): 'input' | 'search' | 'construction' | 'restart' | 'other' {
  if (failure.startsWith('input:')) return 'input';
  if (/lease expired/.test(failure)) return 'restart';
  if (failure.startsWith('search:') || failure.startsWith('worker:')) return 'search';
  if (failure.startsWith('construction:')) return 'construction';
  return 'other';
}
