import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, toLanguage, type Language } from '../i18n';

/** zh-CN / en-US; each language named in itself so anyone can find theirs. */
export function LanguageSwitch({ block = false }: { block?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      className="language-switch"
      aria-label={t('language.label')}
      value={toLanguage(i18n.language)}
      onChange={(language) => void changeLanguage(language)}
      prefix={<GlobalOutlined aria-hidden />}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      style={block ? { width: '100%' } : { minWidth: 124 }}
      popupMatchSelectWidth={false}
    />
  );
}
