import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, saveBlob } from '../lib/download';
import { exportResultOf, startExport, type ExportFormat, type ExportResource } from '../lib/export';
import { trackJob } from '../lib/job-tracker';
import type { Job } from '../lib/jobs';
import { errorMessage } from '../lib/messages';
import type { QueryParams } from '../lib/download';
import { JobProgress } from './JobProgress';

interface Props {
  resource: ExportResource;
  /** The list's current filters and sort, as its API query. */
  query: QueryParams;
  /** Only these rows (an export of the selection). */
  ids?: readonly number[];
  /** The button's text; "Export" by default. */
  label?: string;
  size?: 'middle' | 'large';
}

/**
 * Export a list as CSV or XLSX with its current filters and sort. A small export downloads at
 * once; a big one runs as a job, whose progress shows here and whose end the app announces.
 */
export function ExportButton({ resource, query, ids, label, size }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<{ id: number; ended?: Job } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const listName = t(`exports.resources.${resource}`);

  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const answer = await startExport(resource, format, query, ids);
      if (answer.kind === 'file') {
        saveBlob(answer.blob, answer.fileName);
        void message.success(t('exports.downloaded', { name: answer.fileName }));
      } else {
        setJob({ id: answer.job.id });
        trackJob({
          id: answer.job.id,
          title: (tr) => tr('exports.jobTitle', { list: tr(`exports.resources.${resource}`) }),
          link: (ended, tr) => {
            const result = exportResultOf(ended);
            return result ? { download: result.download_url, fileName: result.file_name, label: tr('exports.download', { name: result.file_name }) } : undefined;
          },
        });
      }
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const items: MenuProps['items'] = [
    { key: 'csv', label: t('exports.csv') },
    { key: 'xlsx', label: t('exports.xlsx') },
  ];
  const result = job?.ended ? exportResultOf(job.ended) : null;
  const download = async () => {
    if (!result) return;
    setDownloading(true);
    try {
      await downloadFile(result.download_url, result.file_name);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick: ({ key }) => void run(key as ExportFormat) }} trigger={['click']} disabled={busy}>
        <Button icon={<DownloadOutlined aria-hidden />} loading={busy} size={size} aria-haspopup="menu">
          {label ?? t('exports.button')}
        </Button>
      </Dropdown>
      <Modal
        open={!!job}
        title={t('exports.jobTitle', { list: listName })}
        onCancel={() => setJob(null)}
        footer={
          <Button onClick={() => setJob(null)}>{t('exports.close')}</Button>
        }
        destroyOnHidden
      >
        {job && (
          <JobProgress
            jobId={job.id}
            title={t('exports.preparing')}
            onEnd={(ended) => setJob((current) => (current?.id === ended.id ? { ...current, ended } : current))}
          />
        )}
        {result && (
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void download()} className="export-download">
            {t('exports.download', { name: result.file_name })}
          </Button>
        )}
      </Modal>
    </>
  );
}
