import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { resetTrackedJobsForTests } from '../lib/job-tracker';
import { recordDownloads } from '../test/downloads';
import { API, json, makeCompany, users } from '../test/fixtures';
import { jobOnServer, makeJob } from '../test/jobs';
import { renderApp, renderWithProviders } from '../test/render';
import { server } from '../test/server';
import { ExportButton } from './ExportButton';

const downloads = recordDownloads();
afterEach(() => resetTrackedJobsForTests());

describe('ExportButton', () => {
  it('exports the list with its search and sort, and saves the file under the server’s name', async () => {
    const exports: URLSearchParams[] = [];
    server.use(
      http.get(`${API}/companies`, () => json({ items: [makeCompany({ name: 'Pump Works' })], next_cursor: null })),
      http.get(`${API}/companies/export`, ({ request }) => {
        exports.push(new URL(request.url).searchParams);
        expect(request.headers.get('Authorization')).toBe('Bearer test-access-token');
        return new HttpResponse('\uFEFFname\nPump Works\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': "attachment; filename=\"companies.csv\"; filename*=UTF-8''%E5%85%AC%E5%8F%B8.csv",
          },
        });
      }),
    );
    const { user } = renderApp('/companies?q=pump', { user: users.sales });
    expect(await screen.findByRole('link', { name: 'Pump Works' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'CSV (opens in Excel)' }));

    await waitFor(() => expect(downloads.map(({ name }) => name)).toEqual(['公司.csv']));
    expect(await downloads[0].blob.text()).toContain('Pump Works');
    expect(Object.fromEntries(exports[0])).toEqual({ format: 'csv', q: 'pump', sort: 'name' });
    expect(await screen.findByText('Downloaded 公司.csv')).toBeInTheDocument();
  });

  it('follows a big export as a job and downloads its file with the token', async () => {
    const remote = jobOnServer(makeJob({ id: 21, kind: 'exports.run', progress: 30, message: 'Wrote 3,000 of 10,000 rows.' }));
    const downloadsAsked: (string | null)[] = [];
    server.use(
      ...remote.handlers,
      http.get(`${API}/leads/export`, ({ request }) => {
        expect(Object.fromEntries(new URL(request.url).searchParams)).toEqual({ format: 'xlsx', status: 'new,contacted', ids: '4,5' });
        return json(makeJob({ id: 21, kind: 'exports.run', status: 'queued' }), { status: 202 });
      }),
      http.get(`${API}/exports/3/download`, ({ request }) => {
        downloadsAsked.push(request.headers.get('Authorization'));
        return new HttpResponse('xlsx bytes', {
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': 'attachment; filename="leads-2026-03-02.xlsx"',
          },
        });
      }),
    );
    const { user } = renderWithProviders(<ExportButton resource="leads" query={{ status: ['new', 'contacted'], limit: 25 }} ids={[4, 5]} />, {
      user: users.sales,
    });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Excel workbook (XLSX)' }));

    const dialog = await screen.findByRole('dialog', { name: 'Export of Leads' });
    expect(await within(dialog).findByText('Wrote 3,000 of 10,000 rows.')).toBeInTheDocument();
    remote.set({
      status: 'succeeded',
      progress: 100,
      message: null,
      finished_at: '2026-03-02T08:02:00+00:00',
      result: { export_id: 3, file_name: 'leads-2026-03-02.xlsx', rows: 10000, download_url: '/api/v1/exports/3/download' },
    });
    await user.click(await within(dialog).findByRole('button', { name: 'Download leads-2026-03-02.xlsx' }));
    await waitFor(() => expect(downloads.map(({ name }) => name)).toEqual(['leads-2026-03-02.xlsx']));
    expect(downloadsAsked).toEqual(['Bearer test-access-token']);
  });
});
