import type { TFunction } from 'i18next';
import { untyped } from '../../i18n/enums';

/** The DAF's own closed lists are translated under `daf.enum.<group>`; unknown values show as they are. */
export function dafLabel(t: TFunction, group: string, value: string | number): string {
  const key = `daf.enum.${group}.${value}`;
  const label = untyped(t)(key);
  return label === key ? String(value) : label;
}

/** Field labels for error summaries: the first segment of the path names the field. */
export const dafFieldLabel = (t: TFunction) => (field: string) => {
  const parts = field.split('.');
  const key = parts.find((p) => !/^\d+$/.test(p) && p !== 'item' && p !== 'content') ?? parts[0]!;
  const label = untyped(t)(`daf.fields.${key}`);
  return label === `daf.fields.${key}` ? field : label;
};

export const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The partner who provided an item; soft information comes from a described source, not a partner. */
export function providerLabel(t: TFunction, item: { originator?: string | undefined }): string {
  return item.originator ? dafLabel(t, 'originator', item.originator) : untyped(t)('plainDutch.softInformationProvider');
}
