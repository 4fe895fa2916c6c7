import { act, screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { resetTrackedJobsForTests, trackJob } from '../lib/job-tracker';
import { API, json, users } from '../test/fixtures';
import { jobOnServer, makeJob } from '../test/jobs';
import { renderApp, renderWithProviders } from '../test/render';
import { server } from '../test/server';
import { JobProgress } from './JobProgress';

afterEach(() => resetTrackedJobsForTests());

describe('JobProgress', () => {
  it('shows the progress and message, asks again until the job ends, and cancels', async () => {
    const remote = jobOnServer(makeJob({ id: 7, progress: 40, message: 'Checked 40 of 100 rows.' }));
    server.use(...remote.handlers);
    const onEnd = vi.fn();
    const { user } = renderWithProviders(<JobProgress jobId={7} title="Checking the file" onEnd={onEnd} />, { user: users.sales });

    expect(await screen.findByText('Checked 40 of 100 rows.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Checking the file' })).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByText('Running')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Stopping after the current batch…')).toBeInTheDocument();
    expect(remote.calls).toEqual(['cancel']);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    remote.set({ status: 'cancelled', message: 'Cancelled after 60 rows.', finished_at: '2026-03-02T08:01:00+00:00' });
    expect(await screen.findByText('Cancelled after 60 rows.')).toBeInTheDocument();
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(onEnd.mock.calls[0][0]).toMatchObject({ id: 7, status: 'cancelled' });
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('offers to retry a failed job, in Chinese', async () => {
    await act(() => i18n.changeLanguage('zh-CN'));
    const remote = jobOnServer(
      makeJob({ id: 8, status: 'failed', progress: 70, message: '工作进程中断。', finished_at: '2026-03-02T08:01:00+00:00' }),
    );
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<JobProgress jobId={8} />, { user: users.sales });

    expect(await screen.findByText('工作进程中断。')).toBeInTheDocument();
    expect(screen.getByText('失败')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(remote.calls).toEqual(['retry']));
    expect(await screen.findByText('等待开始')).toBeInTheDocument();
  });
});

describe('JobNotifier', () => {
  it('says when a job started in this tab ends, with a link to what it produced', async () => {
    const remote = jobOnServer(makeJob({ id: 9, progress: 10 }));
    server.use(
      ...remote.handlers,
      http.get(`${API}/imports`, () => json({ items: [], next_cursor: null })),
      http.get(`${API}/imports/5`, () => json({}, { status: 404 })),
    );
    const { user, router } = renderApp('/imports', { user: users.sales });
    expect(await screen.findByText(/No imports yet/)).toBeInTheDocument();

    act(() => trackJob({ id: 9, title: 'Import of accounts.csv', link: () => ({ to: '/imports/5', label: 'Open the report' }) }));
    remote.set({ status: 'succeeded', progress: 100, message: '85 rows imported.', finished_at: '2026-03-02T08:01:00+00:00' });

    expect(await screen.findByText('Import of accounts.csv: done')).toBeInTheDocument();
    expect(screen.getByText('85 rows imported.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open the report' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/5'));
  });

  it('words the notice in the language the user has when the job ends', async () => {
    const remote = jobOnServer(makeJob({ id: 12, progress: 10 }));
    server.use(...remote.handlers, http.get(`${API}/imports`, () => json({ items: [], next_cursor: null })));
    renderApp('/imports', { user: users.sales });
    expect(await screen.findByText(/No imports yet/)).toBeInTheDocument();
    act(() => trackJob({ id: 12, title: (t) => t('exports.jobTitle', { list: t('exports.resources.leads') }) }));
    await act(() => i18n.changeLanguage('zh-CN'));
    remote.set({ status: 'succeeded', progress: 100, finished_at: '2026-03-02T08:01:00+00:00' });
    expect(await screen.findByText('导出线索：已完成')).toBeInTheDocument();
  });

  it('says when it failed', async () => {
    const remote = jobOnServer(makeJob({ id: 10, status: 'failed', message: 'The file could not be read.', finished_at: '2026-03-02T08:01:00+00:00' }));
    server.use(...remote.handlers, http.get(`${API}/imports`, () => json({ items: [], next_cursor: null })));
    renderApp('/imports', { user: users.sales });
    expect(await screen.findByText(/No imports yet/)).toBeInTheDocument();
    act(() => trackJob({ id: 10, title: 'Export of Leads' }));
    expect(await screen.findByText('Export of Leads: failed')).toBeInTheDocument();
    expect(screen.getByText('The file could not be read.')).toBeInTheDocument();
  });
});
