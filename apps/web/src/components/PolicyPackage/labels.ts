import type { TFunction } from 'i18next';
import nl from '../../i18n/nl.json';
import { untyped } from '../../i18n/enums';

/** Label of a measure or care-module code; an unknown code (a newer policy) is shown as it is. */
export function measureLabel(t: TFunction, code: string): string {
  if ((nl.policy.measure as Record<string, string>)[code] !== undefined) return untyped(t)(`policy.measure.${code}`);
  if ((nl.enums.measure as Record<string, string>)[code] !== undefined) return untyped(t)(`enums.measure.${code}`);
  return code;
}

/** Label of a measure domain (general, home, work, transport, private, care). */
export function domainLabel(t: TFunction, domain: string): string {
  return (nl.policy.domain as Record<string, string>)[domain] !== undefined ? untyped(t)(`policy.domain.${domain}`) : domain;
}
