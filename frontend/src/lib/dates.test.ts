import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import '../i18n';
import { dayjs, duePresetTime, formatDateTime, fromLocalInput, isOverdue, toLocalInput } from './dates';

describe('dates', () => {
  const t = i18n.getFixedT('en-US');
  const now = dayjs('2026-03-04T15:30:00'); // a Wednesday

  it('offers tomorrow 9:00 and next Monday 9:00 as due presets', () => {
    expect(duePresetTime('tomorrow', now).format('YYYY-MM-DD HH:mm')).toBe('2026-03-05 09:00');
    expect(duePresetTime('nextWeek', now).format('ddd YYYY-MM-DD HH:mm')).toBe('Mon 2026-03-09 09:00');
    // On a Monday, "next Monday" is a week later, not today.
    expect(duePresetTime('nextWeek', dayjs('2026-03-09T08:00:00')).format('YYYY-MM-DD')).toBe('2026-03-16');
    expect(duePresetTime('nextWeek', dayjs('2026-03-08T08:00:00')).format('YYYY-MM-DD')).toBe('2026-03-09');
  });

  it('says today, tomorrow and yesterday in words', () => {
    expect(formatDateTime('2026-03-04T09:05:00', t, now)).toBe('Today 09:05');
    expect(formatDateTime('2026-03-05T09:00:00', t, now)).toBe('Tomorrow 09:00');
    expect(formatDateTime('2026-03-03T17:00:00', t, now)).toBe('Yesterday 17:00');
    expect(formatDateTime('2026-04-10T08:00:00', t, now)).toBe('Apr 10 08:00');
    expect(formatDateTime('2025-12-30T08:00:00', t, now)).toBe('Dec 30, 2025 08:00');
    expect(formatDateTime('2026-04-10T08:00:00', i18n.getFixedT('zh-CN'), now)).toBe('4月10日 08:00');
  });

  it('knows what is overdue', () => {
    expect(isOverdue('2026-03-04T15:00:00', now)).toBe(true);
    expect(isOverdue('2026-03-04T16:00:00', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  it('converts to and from <input type="datetime-local">', () => {
    expect(toLocalInput(now)).toBe('2026-03-04T15:30');
    expect(fromLocalInput('2026-03-04T15:30')?.isSame(now)).toBe(true);
    expect(fromLocalInput('')).toBeNull();
  });
});
