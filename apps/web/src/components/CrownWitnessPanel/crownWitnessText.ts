import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';

/** `t` for the crown-witness block: `tc('gate.title')` is `t('crownWitness.gate.title')`. */
export function useCrownWitnessText() {
  const { t, i18n } = useTranslation();
  const tc = (key: string, values?: Record<string, unknown>) => untyped(t)(`crownWitness.${key}`, values);
  return { t, tc, i18n };
}

export type CrownWitnessText = ReturnType<typeof useCrownWitnessText>['tc'];

/** "Name (ORG)" per line; the organisation code in brackets, else the writer's own. */
export function parseParticipants(text: string, fallback: string): { name: string; organisation: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s*\(([A-Z_]+)\)$/.exec(line);
      return match ? { name: match[1]!, organisation: match[2]! } : { name: line, organisation: fallback };
    });
}
