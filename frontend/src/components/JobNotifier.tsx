import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { downloadFile } from '../lib/download';
import { isJobOnScreen, untrackJob, useTrackedJobs, type JobLink, type TrackedJob } from '../lib/job-tracker';
import { errorMessage } from '../lib/messages';
import { isJobActive, useJob } from '../lib/jobs';

function JobWatcher({ tracked }: { tracked: TrackedJob }) {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: job } = useJob(tracked.id);
  const told = useRef(false);

  useEffect(() => {
    if (!job || isJobActive(job) || told.current) return;
    told.current = true;
    untrackJob(tracked.id);
    // Its progress is on screen, which shows how it ended.
    if (isJobOnScreen(job.id)) return;
    const offered: JobLink | undefined = job.status === 'succeeded' ? tracked.link?.(job, t) : undefined;
    const title = typeof tracked.title === 'function' ? tracked.title(t) : tracked.title;
    // No link to the page the user is on (it shows the result already).
    const link = offered && 'to' in offered && offered.to === pathname ? undefined : offered;
    const key = `job-${job.id}`;
    const open = () => {
      notification.destroy(key);
      if (!link) return;
      if ('to' in link) void navigate(link.to);
      else downloadFile(link.download, link.fileName).catch((error: unknown) => void message.error(errorMessage(error, t)));
    };
    const description = (
      <>
        {job.message && <div>{job.message}</div>}
        {link && (
          <Button type="link" className="job-notice-link" onClick={open}>
            {link.label}
          </Button>
        )}
      </>
    );
    // A file waits to be downloaded; a page link stays a while; a plain notice goes soon.
    const duration = link ? ('download' in link ? (false as const) : 20) : 6;
    const args = { key, title: '', description, duration };
    if (job.status === 'succeeded') notification.success({ ...args, title: t('jobs.notice.succeeded', { title }) });
    else if (job.status === 'cancelled') notification.info({ ...args, title: t('jobs.notice.cancelled', { title }) });
    else notification.error({ ...args, title: t('jobs.notice.failed', { title }) });
  }, [job, tracked, notification, message, navigate, pathname, t]);
  return null;
}

/**
 * Says when a job this tab started ends (unless its progress is on screen) (succeeded / failed / cancelled), with a link to what it
 * produced (the import report, the export file). Lives in the app shell, so it works on any page.
 */
export function JobNotifier() {
  const jobs = useTrackedJobs();
  return (
    <>
      {jobs.map((job) => (
        <JobWatcher key={job.id} tracked={job} />
      ))}
    </>
  );
}
