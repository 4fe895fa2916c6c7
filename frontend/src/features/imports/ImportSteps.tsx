import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../lib/use-media-query';

const STEPS = ['upload', 'mapping', 'check', 'commit', 'done'] as const;

/** Where the wizard is: upload, map the columns, check, import, report (one line on a phone). */
export function ImportSteps({ current, failed }: { current: number; failed?: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <Typography.Paragraph type="secondary" className="import-steps">
        {t('imports.steps.position', { current: current + 1, total: STEPS.length, title: t(`imports.steps.${STEPS[current]}`) })}
      </Typography.Paragraph>
    );
  }
  return (
    <nav aria-label={t('imports.steps.label')}>
      <Steps
        className="import-steps"
        size="small"
        current={current}
        status={failed ? 'error' : undefined}
        items={STEPS.map((key) => ({ title: t(`imports.steps.${key}`) }))}
      />
    </nav>
  );
}
