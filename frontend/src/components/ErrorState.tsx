import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { errorMessage } from '../lib/messages';

interface Props {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  title?: string;
  extra?: ReactNode;
}

/** A failed load: what went wrong, in words, and a way to try again. */
export function ErrorState({ error, onRetry, retrying, title, extra }: Props) {
  const { t } = useTranslation();
  const offline = error instanceof ApiError && error.isNetworkError;
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : offline ? 'warning' : 'error'}
      title={title ?? (notFound ? t('errors.notFoundTitle') : t('errors.loadFailed'))}
      subTitle={errorMessage(error, t)}
      role="alert"
      extra={
        <>
          {onRetry && !notFound && (
            <Button type="primary" icon={<ReloadOutlined aria-hidden />} onClick={onRetry} loading={retrying}>
              {t('common.retry')}
            </Button>
          )}
          {extra}
        </>
      }
    />
  );
}
