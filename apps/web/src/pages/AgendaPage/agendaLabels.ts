import type { TFunction } from 'i18next';
import type { AgendaActivityInput } from '@hoeder/contracts';
import { untyped } from '../../i18n/enums';

export const DOMAINS = ['home', 'work', 'transport', 'private'] as const;
export const PLACES = ['home', 'workplace', 'public_place', 'transport_route', 'school', 'care_facility', 'event_venue', 'other'] as const;
export const PRIORITIES = ['high', 'normal', 'low'] as const;
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** "ma, di, wo" or "eenmalig op 14-03-2026" or "ma, wo van 01-03-2026 tot 31-03-2026". */
export function recurrenceText(t: TFunction, r: AgendaActivityInput['recurrence']): string {
  const tt = untyped(t);
  const days = (w: readonly number[]) => w.map((d) => tt(`agenda.weekdayShort.${d}`)).join(', ');
  if (r.kind === 'once') return tt('agenda.recurrence.onceOn', { date: r.date });
  if (r.kind === 'range') return tt('agenda.recurrence.rangeText', { days: days(r.weekdays), from: r.from, until: r.until });
  return tt('agenda.recurrence.weeklyText', { days: days(r.weekdays) });
}

/** A server refusal of one item in Dutch: the field tells which rule (the server's words are English). */
export function itemErrorText(t: TFunction, field: string, message: string): string {
  const tt = untyped(t);
  if (field === 'end') return tt('agenda.itemError.end');
  if (field === 'start' && message.startsWith('overlaps')) return tt('agenda.itemError.overlap');
  if (field === 'activityId') return tt('agenda.itemError.duplicate');
  return tt('agenda.itemError.invalid', { field: tt(`agenda.field.${field.split('.')[0]}`) });
}
