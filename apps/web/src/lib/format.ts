import { localeOf } from '../i18n';

/** A calendar date (YYYY-MM-DD) as the reader says it; UTC so no time zone shifts the day. */
export function formatDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment in the reader's local time, to the second: timeline entries can be seconds apart. */
export function formatDateTime(isoDateTime: string, language: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'medium' }).format(date);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The value a `datetime-local` input shows for an ISO moment, in local time. */
export function toDateTimeLocal(isoDateTime: string): string {
  const d = new Date(isoDateTime);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * A `datetime-local` value (local time, no zone) as an ISO moment, or undefined when invalid.
 * "As of 16:30" means everything that happened during that minute too, so the moment is the end
 * of the minute (or of the second, when seconds are given): the input cannot show milliseconds.
 */
export function fromDateTimeLocal(value: string): string | undefined {
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.exec(value);
  if (!match) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + (match[1] ? 999 : 59_999)).toISOString();
}

/** A date some days after today (YYYY-MM-DD), as a sensible default for review dates. */
export function daysFromToday(days: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days));
  return d.toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD in the user's own calendar. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
