import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { dayjs } from '../../lib/dates';
import { formatHours, formatRelative } from './sla-format';

describe('formatHours', () => {
  it('says a target in minutes, hours or whole days, in the UI language', () => {
    const t = i18n.getFixedT('en-US');
    expect([0.01, 0.5, 1, 1.5, 2.25, 24, 36, 72, 100].map((hours) => formatHours(hours, t))).toEqual([
      '1 min',
      '30 min',
      '1 h',
      '1.5 h',
      '2.25 h',
      '24 h',
      '36 h',
      '3 days',
      '100 h',
    ]);
    const zh = i18n.getFixedT('zh-CN');
    expect([0.5, 1.5, 72].map((hours) => formatHours(hours, zh))).toEqual(['30 分钟', '1.5 小时', '3 天']);
  });
});

describe('formatRelative', () => {
  it('says how long ago, in the UI language', () => {
    const now = dayjs('2026-03-02T12:00:00Z');
    expect(formatRelative('2026-03-02T11:55:00Z', 'en-US', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-03-01T12:00:00Z', 'en-US', now)).toBe('yesterday');
    expect(formatRelative('2026-03-02T11:59:50Z', 'en-US', now)).toBeNull();
    expect(formatRelative('2026-03-02T12:00:05Z', 'en-US', now)).toBeNull();
    expect(formatRelative('2026-03-02T09:00:00Z', 'zh-CN', now)).toBe('3小时前');
  });
});
