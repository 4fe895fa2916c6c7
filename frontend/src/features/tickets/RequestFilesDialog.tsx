import { CheckOutlined, CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, QRCode, Skeleton, Tag, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { dayjs, formatDateTime } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/forms';
import { errorMessage } from '../../lib/messages';
import { formatBytes } from '../../lib/use-upload-queue';
import { useCreateUploadLink, useRevokeUploadLink, useUploadLinks } from './api/upload-links';
import type { UploadLink, UploadLinkCreate } from './types';

/** Copies text to the clipboard; falls back to a selected text field where the API is missing. */
async function copyText(text: string, fallback: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here (no HTTPS, no permission): try the old way.
  }
  if (!fallback) return false;
  fallback.focus();
  fallback.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

type LinkState = 'active' | 'revoked' | 'expired' | 'usedUp';

function stateOf(link: UploadLink): LinkState {
  if (link.revoked_at) return 'revoked';
  if (link.active) return 'active';
  if (dayjs(link.expires_at).isBefore(dayjs())) return 'expired';
  return 'usedUp';
}

const STATE_COLORS: Record<LinkState, string> = { active: 'success', revoked: 'default', expired: 'default', usedUp: 'processing' };

function CreatedLink({ link }: { link: UploadLink }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);
  const [copied, setCopied] = useState(false);
  const url = link.url ?? '';

  const copy = async () => {
    const ok = await copyText(url, input.current?.input ?? null);
    setCopied(ok);
    if (ok) message.success(t('tickets.uploadLinks.copied'));
    else message.info(t('tickets.uploadLinks.copyManually'));
  };

  return (
    <div className="created-link">
      <Alert
        type="success"
        showIcon
        title={t('tickets.uploadLinks.createdTitle')}
        description={t('tickets.uploadLinks.createdHint', { when: formatDateTime(link.expires_at, t) })}
      />
      <label htmlFor="upload-link-url" className="sr-only">
        {t('tickets.uploadLinks.url')}
      </label>
      <div className="upload-link-url">
        <Input ref={input} id="upload-link-url" readOnly value={url} onFocus={(event) => event.target.select()} />
        <Button type="primary" icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />} onClick={() => void copy()}>
          {copied ? t('tickets.uploadLinks.copiedShort') : t('tickets.uploadLinks.copy')}
        </Button>
      </div>
      <figure className="upload-link-qr">
        <QRCode value={url} size={200} type="svg" aria-label={t('tickets.uploadLinks.qr')} />
      </figure>
      <Typography.Paragraph type="secondary" className="upload-link-qr-hint">
        {t('tickets.uploadLinks.qrHint')}
      </Typography.Paragraph>
    </div>
  );
}

function ExistingLinks({ ticketId }: { ticketId: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const links = useUploadLinks(ticketId);
  const revoke = useRevokeUploadLink(ticketId);
  if (links.isError) return <ErrorState error={links.error} onRetry={() => void links.refetch()} retrying={links.isFetching} />;
  if (links.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (links.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.uploadLinks.none')} />;
  return (
    <ul className="upload-links" aria-label={t('tickets.uploadLinks.previous')}>
      {links.data.map((link) => {
        const state = stateOf(link);
        return (
          <li key={link.id} className="upload-link-row">
            <Flex vertical gap={2} className="upload-link-main">
              <Flex gap={8} wrap align="center">
                <Tag color={STATE_COLORS[state]}>{t(`tickets.uploadLinks.states.${state}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('tickets.uploadLinks.expires', { when: formatDateTime(link.expires_at, t) })}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary">
                {t('tickets.uploadLinks.usage', {
                  files: link.files_used,
                  maxFiles: link.max_files,
                  bytes: formatBytes(link.bytes_used, i18n.language),
                })}
              </Typography.Text>
            </Flex>
            {state === 'active' && (
              <Popconfirm
                title={t('tickets.uploadLinks.revokeConfirm')}
                okText={t('tickets.uploadLinks.revoke')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  revoke.mutateAsync(link.id).then(
                    () => void message.success(t('tickets.uploadLinks.revoked')),
                    (error: unknown) => void message.error(errorMessage(error, t)),
                  )
                }
              >
                <Button size="small" danger>
                  {t('tickets.uploadLinks.revoke')}
                </Button>
              </Popconfirm>
            )}
          </li>
        );
      })}
    </ul>
  );
}

interface Values {
  expires_in_hours: number;
  max_files: number;
}

/**
 * "Request files from customer": makes an upload link for the ticket and shows it to copy
 * into a text message or chat, and as a QR code to scan; lists the links made before.
 */
export function RequestFilesDialog({ ticketId, open, onClose }: { ticketId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<UploadLink | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useCreateUploadLink(ticketId);

  const close = () => {
    setCreated(null);
    setProblem(null);
    mutation.reset();
    onClose();
  };

  const submit = (values: Values) => {
    setProblem(null);
    const body: UploadLinkCreate = { expires_in_hours: values.expires_in_hours, max_files: values.max_files };
    mutation.mutate(body, {
      onSuccess: (link) => setCreated(link),
      onError: (error) => {
        const leftover = applyFieldErrors(form, error, ['expires_in_hours', 'max_files']);
        if (leftover.length) setProblem(leftover.join(' '));
        else if (!form.getFieldsError().some(({ errors }) => errors.length)) setProblem(errorMessage(error, t));
      },
    });
  };

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('tickets.uploadLinks.title')}
      destroyOnHidden
      footer={
        created ? (
          <Flex justify="space-between" gap={8} wrap>
            <Button onClick={() => setCreated(null)}>{t('tickets.uploadLinks.another')}</Button>
            <Button type="primary" onClick={close}>
              {t('tickets.uploadLinks.done')}
            </Button>
          </Flex>
        ) : (
          <Flex justify="end" gap={8}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" icon={<LinkOutlined aria-hidden />} loading={mutation.isPending} onClick={() => form.submit()}>
              {t('tickets.uploadLinks.create')}
            </Button>
          </Flex>
        )
      }
    >
      {created ? (
        <CreatedLink link={created} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('tickets.uploadLinks.intro')}</Typography.Paragraph>
          {problem && <Alert type="error" showIcon title={problem} role="alert" className="form-alert" />}
          <Form<Values>
            form={form}
            name="upload-link"
            layout="vertical"
            initialValues={{ expires_in_hours: 72, max_files: 10 }}
            onFinish={submit}
            disabled={mutation.isPending}
          >
            <Flex gap={12} wrap>
              <Form.Item
                name="expires_in_hours"
                label={t('tickets.uploadLinks.expiresInHours')}
                rules={[{ required: true, type: 'integer', min: 1, max: 720, message: t('tickets.uploadLinks.hoursRange') }]}
              >
                <InputNumber min={1} max={720} precision={0} suffix={t('tickets.uploadLinks.hoursUnit')} />
              </Form.Item>
              <Form.Item
                name="max_files"
                label={t('tickets.uploadLinks.maxFiles')}
                rules={[{ required: true, type: 'integer', min: 1, max: 50, message: t('tickets.uploadLinks.filesRange') }]}
              >
                <InputNumber min={1} max={50} precision={0} />
              </Form.Item>
            </Flex>
            <button type="submit" hidden aria-hidden tabIndex={-1} />
          </Form>
        </>
      )}
      <Typography.Title level={5} className="upload-links-heading">
        {t('tickets.uploadLinks.previous')}
      </Typography.Title>
      <ExistingLinks ticketId={ticketId} />
    </Modal>
  );
}
