import type { TFunction } from 'i18next';
import { dayjs, type Dayjs } from '../../lib/dates';
import type { SlaPolicy, SlaPriority } from './types';

/** The range the API accepts for a target, in hours (0.01 h is 36 s; 8760 h is a year). */
export const MIN_SLA_HOURS = 0.01;
export const MAX_SLA_HOURS = 8760;

const MOST_URGENT_FIRST: readonly SlaPriority[] = ['urgent', 'high', 'normal', 'low'];

/** The API lists the lowest priority first; the page leads with what matters most. */
export function mostUrgentFirst(policies: readonly SlaPolicy[]): SlaPolicy[] {
  return [...policies].sort((a, b) => MOST_URGENT_FIRST.indexOf(a.priority) - MOST_URGENT_FIRST.indexOf(b.priority));
}

/**
 * A target in words, with the ticket list's units: "30 min", "1.5 h", "3 days". Whole days only
 * from two days on, so that "24 h" and "36 h" stay as people set them.
 */
export function formatHours(hours: number, t: TFunction): string {
  if (hours < 1) return t('tickets.sla.minutes', { count: Math.max(1, Math.round(hours * 60)) });
  if (hours >= 48 && hours % 24 === 0) return t('tickets.sla.days', { count: hours / 24 });
  return t('tickets.sla.hours', { count: Math.round(hours * 100) / 100 });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * "5 minutes ago", "yesterday" / "5分钟前", "昨天", in the UI language; null under a minute, where
 * Intl's "now" / "现在" reads badly in a sentence (callers say "just now" instead).
 */
export function formatRelative(iso: string, language: string, now: Dayjs = dayjs()): string | null {
  // A change is never in the future: a server clock a little ahead counts as now.
  const seconds = Math.min(0, dayjs(iso).diff(now, 'second'));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const match = UNITS.find(([, size]) => -seconds >= size);
  return match ? format.format(Math.round(seconds / match[1]), match[0]) : null;
}
