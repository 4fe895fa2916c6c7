import { CheckCircleFilled, CloseOutlined, ExclamationCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Button, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes, uploadErrorMessage, type QueuedUpload } from '../lib/use-upload-queue';
import './upload-queue.css';

interface Props {
  items: QueuedUpload[];
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}

/** Files on their way: a progress bar each, what went wrong in words, and a retry. */
export function UploadQueueList({ items, onRetry, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="upload-queue" aria-label={t('uploads.queue')}>
      {items.map((item) => {
        const name = item.file.name;
        return (
          <li key={item.key} className={`upload-item ${item.status}`}>
            <div className="upload-item-head">
              <Typography.Text strong ellipsis className="upload-item-name">
                {name}
              </Typography.Text>
              <Typography.Text type="secondary" className="upload-item-size">
                {formatBytes(item.file.size, i18n.language)}
              </Typography.Text>
              {item.status === 'failed' && (
                <Button
                  size="small"
                  icon={<ReloadOutlined aria-hidden />}
                  onClick={() => onRetry(item.key)}
                  aria-label={t('uploads.retryFile', { name })}
                >
                  {t('uploads.retry')}
                </Button>
              )}
              {item.status !== 'uploading' && (
                <Button
                  size="small"
                  type="text"
                  icon={<CloseOutlined aria-hidden />}
                  onClick={() => onRemove(item.key)}
                  aria-label={t('uploads.dismiss', { name })}
                />
              )}
            </div>
            {item.status === 'failed' ? (
              <Typography.Text type="danger" role="alert" className="upload-item-error">
                <ExclamationCircleFilled aria-hidden /> {uploadErrorMessage(item.error, t)}
              </Typography.Text>
            ) : item.status === 'done' ? (
              <Typography.Text type="success" className="upload-item-done">
                <CheckCircleFilled aria-hidden /> {t('uploads.done')}
              </Typography.Text>
            ) : (
              <Progress
                percent={item.percent}
                size="small"
                status="active"
                aria-label={t('uploads.progress', { name })}
                format={(percent) => (item.status === 'waiting' ? t('uploads.waiting') : `${percent}%`)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
