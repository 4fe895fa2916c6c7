import { CameraOutlined, CheckCircleFilled, FolderOpenOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Result, Skeleton, Typography } from 'antd';
import { useCallback, useLayoutEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { UploadQueueList } from '../../components/UploadQueueList';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/use-document-title';
import {
  formatBytes,
  UploadRefusal,
  useUploadQueue,
  type QueuedUpload,
  type SendFile,
} from '../../lib/use-upload-queue';
import { sendToUploadLink, useUploadLink, type PublicUploadAnswer, type PublicUploadLink } from './api/get-upload-link';
import './public-upload.css';

function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="public-upload">
      <header className="public-upload-header">
        <LanguageSwitch />
      </header>
      <main className="public-upload-main">{children}</main>
    </div>
  );
}

/** Unknown, expired, revoked or used up: the server says the same 404 for all of them. */
function LinkGone() {
  const { t } = useTranslation();
  return (
    <Frame>
      <Result status="warning" title={t('publicUpload.gone.title')} subTitle={t('publicUpload.gone.detail')} role="alert" />
    </Frame>
  );
}

function inPlay(queued: readonly QueuedUpload[]) {
  return queued.filter((item) => item.status !== 'failed');
}

function Uploader({ token, link }: { token: string; link: PublicUploadLink }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const camera = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLInputElement>(null);
  const [gone, setGone] = useState(false);
  const [message, setMessage] = useState('');
  const [messageSent, setMessageSent] = useState(false);
  // The message travels with the next file sent (or alone, with its button).
  const messageRef = useRef('');
  useLayoutEffect(() => {
    messageRef.current = message.trim();
  }, [message]);
  const sentWith = useRef(new Map<File, string>());

  const markSent = useCallback((text: string) => {
    setMessageSent(true);
    setMessage((current) => (current.trim() === text ? '' : current));
  }, []);

  const send: SendFile = useCallback(
    async (file, onProgress, signal) => {
      const text = messageRef.current;
      try {
        const answer = await sendToUploadLink(token, { file, message: text || undefined, onProgress, signal });
        if (text && answer.message_saved) sentWith.current.set(file, text);
        return answer;
      } catch (error) {
        if (isApiError(error, 404)) setGone(true);
        throw error;
      }
    },
    [token],
  );

  const check = useCallback(
    (file: File, queued: readonly QueuedUpload[]) => {
      const active = inPlay(queued);
      if (file.size > link.max_file_bytes) {
        return new UploadRefusal(t('publicUpload.refused.tooLarge', { max: formatBytes(link.max_file_bytes, language) }));
      }
      if (active.length >= link.files_remaining) {
        return new UploadRefusal(t('publicUpload.refused.tooMany', { count: link.files_remaining }));
      }
      const bytes = active.reduce((sum, item) => sum + item.file.size, 0);
      if (bytes + file.size > link.bytes_remaining) {
        return new UploadRefusal(
          t('publicUpload.refused.noSpace', { left: formatBytes(Math.max(0, link.bytes_remaining - bytes), language) }),
        );
      }
      return null;
    },
    [link, t, language],
  );

  const onUploaded = useCallback(
    (file: File, answer: unknown) => {
      const text = sentWith.current.get(file);
      if (text && (answer as PublicUploadAnswer).message_saved) markSent(text);
      sentWith.current.delete(file);
    },
    [markSent],
  );

  const queue = useUploadQueue(send, { check, onUploaded });
  const done = queue.items.filter((item) => item.status === 'done');
  const filesLeft = link.files_remaining - done.length;
  const bytesLeft = link.bytes_remaining - done.reduce((sum, item) => sum + item.file.size, 0);
  const usedUp = filesLeft <= 0;

  const messageOnly = useMutation({
    mutationFn: (text: string) => sendToUploadLink(token, { message: text }),
    onSuccess: (_answer, text) => markSent(text),
    onError: (error) => {
      if (isApiError(error, 404)) setGone(true);
    },
  });

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ''; // the same file can be picked again after a failure
    if (files.length) queue.add(files);
  };

  if (gone) return <LinkGone />;

  return (
    <Frame>
      <Card className="public-upload-card">
        <Typography.Title level={1} className="public-upload-title">
          {t('publicUpload.title')}
        </Typography.Title>
        <Typography.Paragraph className="public-upload-ticket">
          {t('publicUpload.forTicket', { reference: link.ticket_reference })}{' '}
          <Typography.Text strong>{link.ticket_subject}</Typography.Text>
        </Typography.Paragraph>
        <ul className="public-upload-limits" aria-label={t('publicUpload.limits')}>
          <li>{t('publicUpload.filesLeft', { count: Math.max(0, filesLeft) })}</li>
          <li>
            {t('publicUpload.sizeLeft', {
              total: formatBytes(Math.max(0, bytesLeft), language),
              perFile: formatBytes(link.max_file_bytes, language),
            })}
          </li>
          <li>{t('publicUpload.expires', { when: formatDateTime(link.expires_at, t) })}</li>
        </ul>

        {done.length > 0 && !queue.busy && (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled aria-hidden />}
            role="status"
            className="public-upload-success"
            title={t('publicUpload.received')}
            description={usedUp ? t('publicUpload.receivedAll') : t('publicUpload.receivedMore')}
          />
        )}

        {!usedUp && (
          <div className="public-upload-actions">
            <input
              ref={camera}
              type="file"
              name="camera"
              accept="image/*,video/*"
              capture="environment"
              hidden
              tabIndex={-1}
              aria-label={t('publicUpload.takePhoto')}
              onChange={pick}
            />
            <input
              ref={chooser}
              type="file"
              name="files"
              multiple
              accept={link.accept}
              hidden
              tabIndex={-1}
              aria-label={t('publicUpload.chooseFiles')}
              onChange={pick}
            />
            <Button type="primary" size="large" block icon={<CameraOutlined aria-hidden />} onClick={() => camera.current?.click()}>
              {t('publicUpload.takePhoto')}
            </Button>
            <Button size="large" block icon={<FolderOpenOutlined aria-hidden />} onClick={() => chooser.current?.click()}>
              {t('publicUpload.chooseFiles')}
            </Button>
            <Typography.Paragraph type="secondary" className="public-upload-types">
              {t('publicUpload.types')}
            </Typography.Paragraph>
          </div>
        )}

        <div aria-live="polite">
          <UploadQueueList items={queue.items} onRetry={queue.retry} onRemove={queue.remove} />
        </div>

        <div className="public-upload-message">
          <label htmlFor="public-upload-message" className="public-upload-label">
            {t('publicUpload.message')}
          </label>
          <Input.TextArea
            id="public-upload-message"
            value={message}
            maxLength={5000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('publicUpload.messagePlaceholder')}
            onChange={(event) => {
              setMessage(event.target.value);
              setMessageSent(false);
            }}
          />
          <Typography.Paragraph type="secondary" className="public-upload-hint">
            {t('publicUpload.messageHint')}
          </Typography.Paragraph>
          {messageOnly.isError && !isApiError(messageOnly.error, 404) && (
            <Alert type="error" showIcon role="alert" title={errorMessage(messageOnly.error, t)} />
          )}
          {messageSent && !message && (
            <Alert type="success" showIcon role="status" title={t('publicUpload.messageSent')} />
          )}
          {message.trim() && (
            <Button
              size="large"
              block
              icon={<SendOutlined aria-hidden />}
              loading={messageOnly.isPending}
              disabled={queue.busy}
              onClick={() => messageOnly.mutate(message.trim())}
            >
              {t('publicUpload.sendMessage')}
            </Button>
          )}
        </div>
      </Card>
    </Frame>
  );
}

/**
 * The page a customer opens from the link staff sent: no login, in the phone's language, says
 * which request it is for (nothing else of the company's data), takes photos and videos
 * straight from the camera or files from the phone, and says plainly what happened.
 */
export default function PublicUploadPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('publicUpload.title'));
  const query = useUploadLink(token);
  if (query.isPending) {
    return (
      <Frame>
        <Card className="public-upload-card" aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          <Skeleton active paragraph={{ rows: 5 }} />
        </Card>
      </Frame>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, 404)) return <LinkGone />;
    return (
      <Frame>
        <Result
          status="error"
          title={t('errors.loadFailed')}
          subTitle={errorMessage(query.error, t)}
          role="alert"
          extra={
            <Button type="primary" onClick={() => void query.refetch()} loading={query.isFetching}>
              {t('common.retry')}
            </Button>
          }
        />
      </Frame>
    );
  }
  return <Uploader token={token} link={query.data} />;
}
