import { DeleteOutlined, DownloadOutlined, FileOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Tag, Typography, Upload } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/messages';
import { formatBytes, useUploadQueue, type SendFile } from '../../lib/use-upload-queue';
import { ErrorState } from '../ErrorState';
import { UploadQueueList } from '../UploadQueueList';
import {
  attachmentKeys,
  uploadAttachment,
  useAttachments,
  useDeleteAttachment,
  type Attachment,
  type AttachmentRecord,
} from './api';
import './attachments.css';

interface Props {
  record: AttachmentRecord;
  recordId: number;
  /** Upload and delete (false: look and download only). */
  canWrite?: boolean;
}

function kindOf(attachment: Attachment): 'image' | 'video' | 'file' {
  if (attachment.inline && attachment.content_type.startsWith('image/')) return 'image';
  if (attachment.inline && attachment.content_type.startsWith('video/')) return 'video';
  return 'file';
}

function downloadUrl(contentUrl: string): string {
  const url = new URL(contentUrl, window.location.origin);
  url.searchParams.set('download', '1');
  return url.origin === window.location.origin ? url.pathname + url.search : url.toString();
}

function Uploader({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" className="attachment-meta">
      {attachment.uploaded_via === 'upload_link' ? (
        <Tag color="purple" variant="filled">
          {t('attachments.fromCustomer')}
        </Tag>
      ) : (
        attachment.uploaded_by_name
      )}{' '}
      {formatDateTime(attachment.created_at, t)}
    </Typography.Text>
  );
}

function DeleteButton({ attachment, onDelete }: { attachment: Attachment; onDelete: (a: Attachment) => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('attachments.deleteConfirm', { name: attachment.filename })}
      okText={t('attachments.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      // antd's Popconfirm keeps its OK button loading while the promise it is handed runs (its type says void).
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      onConfirm={() => onDelete(attachment)}
    >
      <Button
        type="text"
        danger
        size="small"
        icon={<DeleteOutlined aria-hidden />}
        aria-label={t('attachments.deleteFile', { name: attachment.filename })}
      />
    </Popconfirm>
  );
}

/**
 * The files of a record: photos as thumbnails, videos in a player (they scrub: the server
 * answers Range requests), other files as rows to download; drop files or pick them to upload,
 * each with its own progress bar and, when refused, the reason and a retry.
 */
export function AttachmentPanel({ record, recordId, canWrite = true }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useAttachments(record, recordId);
  const remove = useDeleteAttachment(record, recordId);
  const attachments = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  const send: SendFile = useCallback(
    (file, onProgress, signal) => uploadAttachment(record, recordId, file, onProgress, signal),
    [record, recordId],
  );
  const onUploaded = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: attachmentKeys.list(record, recordId) }),
    [queryClient, record, recordId],
  );
  const queue = useUploadQueue(send, { onUploaded });

  const onDelete = async (attachment: Attachment) => {
    try {
      await remove.mutateAsync(attachment.id);
      message.success(t('attachments.deleted', { name: attachment.filename }));
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  const images = attachments.filter((attachment) => kindOf(attachment) === 'image');
  const videos = attachments.filter((attachment) => kindOf(attachment) === 'video');
  const files = attachments.filter((attachment) => kindOf(attachment) === 'file');

  let body;
  if (query.isError) {
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (query.isPending) {
    body = (
      <div aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active paragraph={{ rows: 3 }} />
      </div>
    );
  } else if (attachments.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />;
  } else {
    body = (
      <Flex vertical gap={12}>
        {images.length > 0 && (
          <ul className="attachment-images" aria-label={t('attachments.images')}>
            {images.map((attachment) => (
              <li key={attachment.id} className="attachment-image">
                <a href={attachment.content_url} target="_blank" rel="noreferrer">
                  <img src={attachment.content_url} alt={attachment.filename} loading="lazy" />
                </a>
                <Flex justify="space-between" align="center" gap={4}>
                  <Typography.Text ellipsis className="attachment-name">
                    {attachment.filename}
                  </Typography.Text>
                  {canWrite && <DeleteButton attachment={attachment} onDelete={onDelete} />}
                </Flex>
                <Uploader attachment={attachment} />
              </li>
            ))}
          </ul>
        )}
        {videos.map((attachment) => (
          <figure key={attachment.id} className="attachment-video">
            <video controls preload="metadata" src={attachment.content_url} aria-label={attachment.filename}>
              <a href={downloadUrl(attachment.content_url)}>{attachment.filename}</a>
            </video>
            <figcaption>
              <Flex justify="space-between" align="center" gap={4}>
                <Typography.Text ellipsis className="attachment-name">
                  {attachment.filename} · {formatBytes(attachment.size, i18n.language)}
                </Typography.Text>
                {canWrite && <DeleteButton attachment={attachment} onDelete={onDelete} />}
              </Flex>
              <Uploader attachment={attachment} />
            </figcaption>
          </figure>
        ))}
        {files.length > 0 && (
          <ul className="attachment-files" aria-label={t('attachments.files')}>
            {files.map((attachment) => (
              <li key={attachment.id} className="attachment-file">
                <FileOutlined aria-hidden className="attachment-file-icon" />
                <div className="attachment-file-main">
                  <a href={downloadUrl(attachment.content_url)} download={attachment.filename}>
                    {attachment.filename}
                  </a>
                  <Typography.Text type="secondary" className="attachment-meta">
                    {formatBytes(attachment.size, i18n.language)} · {attachment.content_type}
                  </Typography.Text>
                  <Uploader attachment={attachment} />
                </div>
                <Button
                  type="text"
                  size="small"
                  href={downloadUrl(attachment.content_url)}
                  icon={<DownloadOutlined aria-hidden />}
                  aria-label={t('attachments.download', { name: attachment.filename })}
                />
                {canWrite && <DeleteButton attachment={attachment} onDelete={onDelete} />}
              </li>
            ))}
          </ul>
        )}
        {query.hasNextPage && (
          <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('attachments.loadMore')}
          </Button>
        )}
      </Flex>
    );
  }

  return (
    <Card
      title={<h3 className="card-title">{t('attachments.title')}</h3>}
      className="attachment-panel"
    >
      {canWrite && (
        <>
          <Upload.Dragger
            multiple
            showUploadList={false}
            className="attachment-drop"
            beforeUpload={(file) => {
              queue.add([file]);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="attachment-drop-hint">
              <InboxOutlined aria-hidden /> {t('attachments.dropHint')}
            </p>
            <span className="ant-btn ant-btn-default attachment-drop-button">
              <UploadOutlined aria-hidden /> {t('attachments.upload')}
            </span>
          </Upload.Dragger>
          <UploadQueueList items={queue.items} onRetry={queue.retry} onRemove={queue.remove} />
        </>
      )}
      {body}
    </Card>
  );
}
