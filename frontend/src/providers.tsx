import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from './i18n';
import { useIsMobile, usePrefersReducedMotion } from './lib/use-media-query';

/**
 * antd's default blue, greys and red are below WCAG AA contrast (4.5:1) for text: these darker
 * ones pass (checked by axe in the browser tests).
 */
const baseTheme: ThemeConfig = {
  token: {
    borderRadius: 8,
    controlHeightLG: 44,
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorSuccessText: '#237804',
    colorErrorText: '#a8071a',
    colorInfoText: '#003eb3',
    colorWarningText: '#ad4e00',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
};

/** Server state, antd (its locale follows the UI language; thumb-sized controls on phones). */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation();
  const isMobile = useIsMobile();
  const reduceMotion = usePrefersReducedMotion();
  const theme = useMemo<ThemeConfig>(
    () => ({ ...baseTheme, token: { ...baseTheme.token, motion: !reduceMotion } }),
    [reduceMotion],
  );
  const language = toLanguage(i18n.language);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'zh-CN' ? zhCN : enUS}
        theme={theme}
        componentSize={isMobile ? 'large' : 'middle'}
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
