import { http, HttpResponse } from 'msw';
import type { Job } from '../../lib/jobs';
import { API, json } from '../../test/fixtures';
import { makeJob } from '../../test/jobs';
import type { Import, ImportRow, RowOutcome } from './api/types';

const ZERO = { created: 0, updated: 0, unchanged: 0, duplicate: 0, error: 0, normalised: 0, skipped: 0 };

/** The Maven accounts file, uploaded as companies, every column mapped. */
export function makeImport(overrides: Partial<Import> = {}): Import {
  return {
    id: 5,
    entity: 'companies',
    mode: 'create',
    match_on: null,
    create_duplicates: false,
    file_name: 'accounts.csv',
    encoding: 'utf-8',
    delimiter: ',',
    sheet: null,
    sheets: [],
    row_count: 85,
    columns: ['account', 'sector', 'revenue', 'subsidiary_of'],
    mapping: { account: 'name', sector: 'industry', revenue: 'revenue', subsidiary_of: 'subsidiary_of' },
    fields: [
      { name: 'name', required: true },
      { name: 'industry', required: false },
      { name: 'revenue', required: false },
      { name: 'subsidiary_of', required: false },
      { name: 'phone', required: false },
    ],
    samples: [
      { account: 'Acme Corporation', sector: 'technolgy', revenue: '1100.04', subsidiary_of: '' },
      { account: 'Betasoloin', sector: 'medical', revenue: '251.41', subsidiary_of: '' },
      { account: 'Bluth Company', sector: 'technolgy', revenue: '1242.32', subsidiary_of: 'Acme Corporation' },
    ],
    status: 'uploaded',
    counts: { ...ZERO },
    job_id: null,
    created_by: { id: 3, name: 'Li Na' },
    created_at: '2026-03-02T08:00:00+00:00',
    committed_at: null,
    ...overrides,
  };
}

export const REPORT_ROWS: ImportRow[] = [
  {
    row_number: 2,
    outcome: 'created',
    original: { account: 'Acme Corporation', sector: 'technolgy' },
    values: { name: 'Acme Corporation', industry: 'technology' },
    changes: [{ field: 'industry', rule: 'spelling_variant', before: 'technolgy', after: 'technology' }],
    problems: [],
    candidates: [],
    record_id: null,
  },
  {
    row_number: 3,
    outcome: 'duplicate',
    original: { account: 'Acme Corp.', sector: 'technology' },
    values: { name: 'Acme Corp.' },
    changes: [],
    problems: [],
    candidates: [{ id: 11, label: 'Acme Corporation', rule: 'name', score: 92 }],
    record_id: null,
  },
  {
    row_number: 4,
    outcome: 'error',
    original: { account: 'Cheers', revenue: 'abc' },
    values: { name: 'Cheers' },
    changes: [],
    problems: [{ field: 'revenue', code: 'invalid_amount', message: '"abc" is not an amount.' }],
    candidates: [],
    record_id: null,
  },
];

/**
 * One import on the mocked server: its steps start jobs (ids 40, 41, 42…) that the test ends
 * with `finish()`, which also moves the import on like the backend's job would.
 */
export function importOnServer(initial: Import) {
  let imp = initial;
  let nextJob = 40;
  let job: Job | null = null;
  const calls: { step: string; body?: unknown }[] = [];
  const rowQueries: (string | null)[] = [];
  const url = `${API}/imports/${initial.id}`;
  const start = (step: string, status: Import['status']) => {
    job = makeJob({ id: nextJob++, kind: `imports.${step}`, status: 'running', progress: 20, message: 'Checked 17 of 85 rows.' });
    imp = { ...imp, status, job_id: job.id };
    calls.push({ step });
    return json(job, { status: 202 });
  };
  return {
    calls,
    rowQueries,
    current: () => imp,
    handlers: [
      http.get(url, () => json(imp)),
      http.put(`${url}/mapping`, async ({ request }) => {
        const body = (await request.json()) as Partial<Import>;
        calls.push({ step: 'mapping', body });
        imp = { ...imp, ...body };
        return json(imp);
      }),
      http.post(`${url}/dry-run`, () => start('dry-run', 'checking')),
      http.post(`${url}/commit`, () => start('commit', 'importing')),
      http.post(`${url}/revert`, () => start('revert', 'reverting')),
      http.get(`${API}/jobs/:id`, ({ params }) => (job && Number(params.id) === job.id ? json(job) : json({}, { status: 404 }))),
      http.get(`${url}/rows`, ({ request }) => {
        const outcome = new URL(request.url).searchParams.get('outcome') as RowOutcome | null;
        rowQueries.push(outcome);
        return json({ items: REPORT_ROWS.filter((row) => !outcome || row.outcome === outcome), next_cursor: null });
      }),
      http.get(`${url}/rows.csv`, ({ request }) => {
        rowQueries.push(`csv:${new URL(request.url).searchParams.get('outcome') ?? ''}`);
        return new HttpResponse('\uFEFFaccount,revenue,outcome,reason\nCheers,abc,error,"""abc"" is not an amount."\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="accounts-report.csv"' },
        });
      }),
    ],
    /** The running job ends well, and the import shows what it did. */
    finish: (patch: Partial<Import>) => {
      if (!job) throw new Error('no job is running');
      job = { ...job, status: 'succeeded', progress: 100, message: null, finished_at: '2026-03-02T08:05:00+00:00', result: { import_id: imp.id } };
      imp = { ...imp, ...patch };
    },
  };
}
