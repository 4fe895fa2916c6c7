import { Alert, Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../lib/use-media-query';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The feature's class for the drawer (styles, tests). */
  className: string;
  /** Width beside the page; on a phone the drawer comes up from the bottom instead. */
  width: number;
  submitText: string;
  onSubmit: () => void;
  submitting: boolean;
  submitDisabled?: boolean;
  /** A problem that belongs to no field, shown above the form. */
  problem: string | null;
  /** Shown above Cancel and submit, e.g. a warning about what saving would do. */
  notice?: ReactNode;
  children: ReactNode;
}

/** A drawer holding a form, with Cancel and submit in its footer (reachable without scrolling the form). */
export function FormDrawer({
  open,
  onClose,
  title,
  className,
  width,
  submitText,
  onSubmit,
  submitting,
  submitDisabled,
  problem,
  notice,
  children,
}: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      placement={isMobile ? 'bottom' : 'right'}
      size={isMobile ? '92%' : width}
      destroyOnHidden
      className={className}
      footer={
        <>
          {notice}
          <Space className="drawer-footer">
            <Button size="large" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button size="large" type="primary" loading={submitting} disabled={submitDisabled} onClick={onSubmit}>
              {submitText}
            </Button>
          </Space>
        </>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} role="alert" className="form-alert" />}
      {children}
    </Drawer>
  );
}
