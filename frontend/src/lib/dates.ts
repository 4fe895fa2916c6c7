import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';

export { dayjs };
export type { Dayjs };

/** True when an open item's due time has passed. */
export function isOverdue(iso: string | null | undefined, now: Dayjs = dayjs()): boolean {
  return !!iso && dayjs(iso).isBefore(now);
}

/**
 * "Today 14:00", "Tomorrow 09:00", "Yesterday 17:30", or the date with the time
 * (the year only when it is not this year), in the UI language.
 */
export function formatDateTime(iso: string, t: TFunction, now: Dayjs = dayjs()): string {
  const value = dayjs(iso);
  const time = value.format('HH:mm');
  const days = value.startOf('day').diff(now.startOf('day'), 'day');
  if (days === 0) return t('time.todayAt', { time });
  if (days === 1) return t('time.tomorrowAt', { time });
  if (days === -1) return t('time.yesterdayAt', { time });
  const pattern = value.year() === now.year() ? t('time.formatDate') : t('time.formatDateYear');
  return `${value.format(pattern)} ${time}`;
}

export function formatDate(iso: string, t: TFunction, now: Dayjs = dayjs()): string {
  const value = dayjs(iso);
  return value.format(value.year() === now.year() ? t('time.formatDate') : t('time.formatDateYear'));
}

export type DuePreset = 'tomorrow' | 'nextWeek';

/** Quick due times: tomorrow 9:00, next Monday 9:00 (local time). */
export function duePresetTime(preset: DuePreset, now: Dayjs = dayjs()): Dayjs {
  switch (preset) {
    case 'tomorrow':
      return now.add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
    case 'nextWeek': {
      const daysToMonday = ((8 - now.day()) % 7) || 7;
      return now.add(daysToMonday, 'day').hour(9).minute(0).second(0).millisecond(0);
    }
  }
}

/** Value for <input type="datetime-local"> and back. */
export function toLocalInput(value: Dayjs): string {
  return value.format('YYYY-MM-DDTHH:mm');
}

export function fromLocalInput(value: string): Dayjs | null {
  const parsed = dayjs(value);
  return value && parsed.isValid() ? parsed : null;
}
