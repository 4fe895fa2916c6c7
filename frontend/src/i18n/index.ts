import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../api/client';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Only the language choice is kept in localStorage (never tokens). */
export const LANGUAGE_STORAGE_KEY = 'crm.language';

/** Any browser language to one we have: zh, zh-TW, zh-Hans-CN → zh-CN; everything else → en-US. */
export function toLanguage(code: string | undefined | null): Language {
  return code?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export const resources = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
} as const;

function applyLanguage(language: string) {
  const lng = toLanguage(language);
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  setRequestLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

i18n.on('languageChanged', applyLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en-US',
    load: 'currentOnly',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    detection: {
      // First visit: the browser's language. Afterwards: what the user chose (see changeLanguage).
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: [],
      convertDetectedLanguage: (lng: string) => toLanguage(lng),
    },
    react: { useSuspense: false },
  });

/** Switch the UI language and remember the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}

export default i18n;
