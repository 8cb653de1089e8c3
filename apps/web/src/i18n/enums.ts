import type { TFunction } from 'i18next';
import nl from './nl.json';

/** Groups of API values that have a translation under `enums.<group>`. */
export type EnumGroup = keyof typeof nl.enums;

/**
 * Label for a value the API returns. Values outside the known lists (a newer server) are shown
 * as they are rather than as a missing-translation key.
 */
export function enumLabel(t: TFunction, group: EnumGroup, value: string): string {
  const known = (nl.enums[group] as Record<string, string>)[value] !== undefined;
  return known ? untyped(t)(`enums.${group}.${value}`) : value;
}

/** `t` for keys computed at run time (validation messages, enum values); tests check they exist. */
export const untyped = (t: TFunction) => t as unknown as (key: string, values?: Record<string, unknown>) => string;
