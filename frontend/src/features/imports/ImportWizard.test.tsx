import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { resetTrackedJobsForTests } from '../../lib/job-tracker';
import { recordDownloads } from '../../test/downloads';
import { FakeXHR, installFakeXHR, lastUpload } from '../../test/fake-xhr';
import { API, json, users } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { setViewportWidth } from '../../test/viewport';
import { importOnServer, makeImport } from './imports-test-server';

installFakeXHR();
const downloads = recordDownloads();
afterEach(() => resetTrackedJobsForTests());

/** Picks an option of the open antd select (not the select's own shown value, which has the same title). */
async function chooseOption(user: UserEvent, title: string) {
  const clickable = (element: Element | null): boolean =>
    !element || (getComputedStyle(element).pointerEvents !== 'none' && clickable(element.parentElement));
  const option = await waitFor(() => {
    const found = screen
      .getAllByTitle(title)
      .find((element) => element.classList.contains('ant-select-item-option') && clickable(element));
    if (!found) throw new Error(`no open option ${title}`);
    return found;
  });
  await user.click(option);
}

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}

describe('Import wizard', () => {
  it('uploads a file for the list it came from, with the mode and what to match on', async () => {
    server.use(http.get(`${API}/imports/5`, () => json(makeImport())));
    const { user, router } = renderApp('/imports/new?entity=companies', { user: users.sales });
    expect(await screen.findByRole('heading', { name: 'Import a file' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'What are you importing?' }).closest('.ant-select')).toHaveTextContent('Companies');

    await user.click(screen.getByRole('radio', { name: 'Update or create' }));
    await user.click(screen.getByRole('button', { name: 'Upload and map columns' }));
    expect(await screen.findByText('Choose a file to import.')).toBeInTheDocument();
    expect(await screen.findByText('Choose what identifies a matching record.')).toBeInTheDocument();
    expect(FakeXHR.requests).toHaveLength(0);

    await user.click(screen.getByRole('combobox', { name: 'Match on' }));
    await chooseOption(user, 'Name');
    await user.upload(fileInput(), new File(['account,sector\nAcme,technolgy\n'], 'accounts.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Upload and map columns' }));

    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    const sent = lastUpload();
    expect([sent.method, sent.url]).toEqual(['POST', '/api/v1/imports']);
    expect(sent.files).toEqual(['accounts.csv']);
    expect([sent.field('entity'), sent.field('mode'), sent.field('match_on')]).toEqual(['companies', 'upsert', 'name']);
    act(() => sent.respond(201, makeImport({ mode: 'upsert', match_on: 'name' })));

    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/5'));
    expect(await screen.findByRole('heading', { name: 'Which field does each column fill?' })).toBeInTheDocument();
  });

  it('says why the server refused the file, and keeps the form to try another', async () => {
    const { user } = renderApp('/imports/new?entity=leads', { user: users.sales });
    await user.upload(await waitFor(fileInput), new File(['\x00\x01'], 'photo.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Upload and map columns' }));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    act(() =>
      lastUpload().respond(422, {
        status: 422,
        title: 'Unprocessable',
        code: 'import_unreadable',
        detail: 'The file is neither CSV nor XLSX.',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is neither CSV nor XLSX.');
    expect(screen.getByRole('button', { name: 'Upload and map columns' })).toBeEnabled();
  });

  it('asks which sheet of a workbook to read', async () => {
    server.use(http.get(`${API}/imports/6`, () => json(makeImport({ id: 6, file_name: 'maven.xlsx', sheets: ['accounts', 'products'], sheet: 'accounts' }))));
    // Managers import products (sales reps leads, companies and contacts only).
    const { user, router } = renderApp('/imports/new?entity=products', { user: users.manager });
    await user.upload(await waitFor(fileInput), new File(['PK'], 'maven.xlsx'));
    await user.click(screen.getByRole('button', { name: 'Upload and map columns' }));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    act(() => lastUpload().respond(201, makeImport({ id: 5, file_name: 'maven.xlsx', sheets: ['accounts', 'products'], sheet: 'accounts' })));

    expect(await screen.findByText('maven.xlsx has 2 sheets. Which one holds the data?')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Sheet' }));
    await chooseOption(user, 'products');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(2));
    expect([lastUpload().field('entity'), lastUpload().field('sheet')]).toEqual(['products', 'products']);
    act(() => lastUpload().respond(201, makeImport({ id: 6, file_name: 'maven.xlsx', sheets: ['accounts', 'products'], sheet: 'products' })));
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/6'));
  });

  it('maps the columns with their first values, refuses a mapping without the required fields, and checks the file', async () => {
    const remote = importOnServer(makeImport());
    server.use(...remote.handlers);
    const { user } = renderApp('/imports/5', { user: users.sales });

    const sectorRow = (await screen.findByRole('combobox', { name: 'Field for column sector' })).closest('tr')!;
    expect(sectorRow).toHaveTextContent('technolgy · medical · technolgy');

    await user.click(screen.getByRole('combobox', { name: 'Field for column account' }));
    await chooseOption(user, 'Ignore this column');
    expect(await screen.findByText('Required fields without a column: Name')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check the file' })).toBeDisabled();
    await user.click(screen.getByRole('combobox', { name: 'Field for column account' }));
    await chooseOption(user, 'Name (required)');
    await user.click(screen.getByRole('combobox', { name: 'Field for column subsidiary_of' }));
    await chooseOption(user, 'Ignore this column');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(await screen.findByText('Checked 17 of 85 rows.')).toBeInTheDocument();
    expect(remote.calls).toEqual([
      {
        step: 'mapping',
        body: {
          mapping: { account: 'name', sector: 'industry', revenue: 'revenue', subsidiary_of: null },
          mode: 'create',
          match_on: null,
        },
      },
      { step: 'dry-run' },
    ]);
    expect(screen.getByRole('progressbar', { name: 'Checking the file (nothing is saved)' })).toBeInTheDocument();

    remote.finish({ status: 'checked', counts: { created: 82, updated: 0, unchanged: 0, normalised: 1, duplicate: 1, error: 1, skipped: 0 } });
    expect(await screen.findByText('Check finished: nothing has been saved yet.')).toBeInTheDocument();
    // The page showed the progress: no notification says it again.
    expect(screen.queryByText('Check of accounts.csv: done')).not.toBeInTheDocument();
  }, 60_000);

  it('says when the check ends on another page, with a link back to the report', async () => {
    const remote = importOnServer(makeImport());
    server.use(...remote.handlers, http.get(`${API}/imports`, () => json({ items: [remote.current()], next_cursor: null })));
    const { user, router } = renderApp('/imports/5', { user: users.sales });
    await user.click(await screen.findByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('Checked 17 of 85 rows.')).toBeInTheDocument();

    await act(() => router.navigate('/imports'));
    expect(await screen.findByRole('heading', { name: 'Imports' })).toBeInTheDocument();
    remote.finish({ status: 'checked', counts: { created: 85, updated: 0, unchanged: 0, normalised: 0, duplicate: 0, error: 0, skipped: 0 } });

    expect(await screen.findByText('Check of accounts.csv: done')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open the report' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/5'));
    expect(await screen.findByText('Check finished: nothing has been saved yet.')).toBeInTheDocument();
  }, 60_000);

  it('reports every row with its changes, problems and duplicate candidates, filters it, and downloads it', async () => {
    const remote = importOnServer(
      makeImport({ status: 'checked', counts: { created: 82, updated: 0, unchanged: 0, normalised: 1, duplicate: 1, error: 1, skipped: 0 } }),
    );
    server.use(...remote.handlers);
    const { user } = renderApp('/imports/5', { user: users.sales });

    const report = await screen.findByRole('region', { name: 'Row-by-row report' });
    const rows = await within(report).findAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3
    expect(rows[1]).toHaveTextContent('Industry');
    expect(within(rows[1]).getByText(/technolgy → technology \(spelling variant\)/)).toBeInTheDocument();
    expect(within(rows[2]).getByRole('link', { name: 'Acme Corporation' })).toHaveAttribute('href', '/companies/11');
    expect(rows[2]).toHaveTextContent('same Name, 92%');
    expect(rows[3]).toHaveTextContent('Revenue: "abc" is not an amount.');

    await user.click(within(report).getByText('Error (1)'));
    await waitFor(() => expect(within(report).getAllByRole('row')).toHaveLength(2));
    expect(remote.rowQueries).toEqual([null, 'error']);

    await user.click(within(report).getByRole('button', { name: 'Download report (CSV)' }));
    await waitFor(() => expect(downloads.map(({ name }) => name)).toEqual(['accounts-report.csv']));
    expect(remote.rowQueries.at(-1)).toBe('csv:error');
  }, 60_000);

  it('imports (creating the duplicates when asked) and reverts after a confirmation', async () => {
    const remote = importOnServer(
      makeImport({ status: 'checked', counts: { created: 82, updated: 0, unchanged: 0, normalised: 1, duplicate: 1, error: 1, skipped: 0 } }),
    );
    server.use(...remote.handlers);
    const { user } = renderApp('/imports/5', { user: users.sales });

    await user.click(await screen.findByRole('checkbox', { name: 'Create the 1 possible duplicate anyway' }));
    await user.click(screen.getByRole('button', { name: 'Import 85 rows' }));
    expect(await screen.findByRole('progressbar', { name: 'Importing' })).toBeInTheDocument();
    expect(remote.calls).toEqual([
      { step: 'mapping', body: { mapping: makeImport().mapping, create_duplicates: true } },
      { step: 'commit' },
    ]);

    remote.finish({
      status: 'imported',
      committed_at: '2026-03-02T08:05:00+00:00',
      counts: { created: 83, updated: 0, unchanged: 0, normalised: 1, duplicate: 0, error: 1, skipped: 0 },
    });
    expect(await screen.findByText('Import finished')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Companies' })).toHaveAttribute('href', '/companies');

    await user.click(screen.getByRole('button', { name: 'Revert import' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Records accounts.csv created are deleted');
    await user.click(within(confirm).getByRole('button', { name: 'Revert' }));
    await waitFor(() => expect(remote.calls.at(-1)).toEqual({ step: 'revert' }));
    expect(await screen.findByRole('progressbar', { name: 'Reverting the import' })).toBeInTheDocument();
    remote.finish({ status: 'reverted' });
    expect(await screen.findByText('This import was reverted.')).toBeInTheDocument();
  }, 60_000);

  it('works on a phone in Chinese: the report as cards, the outcome filter as a select', async () => {
    setViewportWidth(390);
    await act(() => i18n.changeLanguage('zh-CN'));
    const remote = importOnServer(
      makeImport({ status: 'imported', counts: { created: 83, updated: 0, unchanged: 0, normalised: 1, duplicate: 1, error: 1, skipped: 0 } }),
    );
    server.use(...remote.handlers);
    renderApp('/imports/5', { user: users.sales });

    expect(await screen.findByText('第 5/5 步：报告')).toBeInTheDocument();
    const cards = await screen.findByRole('list', { name: '文件中的行' });
    expect(within(cards).getAllByRole('listitem', { hidden: false }).filter((item) => item.parentElement === cards)).toHaveLength(3);
    expect(cards).toHaveTextContent('第 4 行');
    expect(screen.getByRole('combobox', { name: '显示的行' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '撤销导入' })).toBeInTheDocument();
  }, 60_000);

  it('lists the imports with who, when, file and counts', async () => {
    server.use(
      http.get(`${API}/imports`, () =>
        json({
          items: [
            makeImport({ status: 'imported', counts: { created: 83, updated: 0, unchanged: 0, normalised: 1, duplicate: 0, error: 1, skipped: 0 } }),
            makeImport({ id: 4, file_name: 'products.xlsx', entity: 'products', status: 'uploaded', row_count: 7 }),
          ],
          next_cursor: null,
        }),
      ),
    );
    renderApp('/imports', { user: users.sales });
    const row = (await screen.findByRole('link', { name: 'accounts.csv' })).closest('tr')!;
    expect(row).toHaveTextContent('Companies');
    expect(row).toHaveTextContent('Imported');
    expect(row).toHaveTextContent('Created 83 · Normalised 1 · Error 1');
    expect(row).toHaveTextContent('Li Na');
    expect(screen.getByRole('link', { name: 'products.xlsx' }).closest('tr')).toHaveTextContent('7 rows, not checked yet');
  });
});
