import { describe, expect, it } from 'vitest';
import i18n, { changeLanguage, LANGUAGE_STORAGE_KEY, toLanguage } from '.';

describe('language', () => {
  it('maps browser languages to the two the app has', () => {
    expect(toLanguage('zh')).toBe('zh-CN');
    expect(toLanguage('zh-TW')).toBe('zh-CN');
    expect(toLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(toLanguage('en-GB')).toBe('en-US');
    expect(toLanguage('de')).toBe('en-US');
    expect(toLanguage(undefined)).toBe('en-US');
  });

  it('remembers the chosen language (and only that) in localStorage', async () => {
    await changeLanguage('zh-CN');
    expect(i18n.language).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect({ ...localStorage }).toEqual({ [LANGUAGE_STORAGE_KEY]: 'zh-CN' });
    expect(i18n.t('nav.leads')).toBe('线索');
  });
});
