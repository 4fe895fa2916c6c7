import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apiToken, chooseOption, expect, isPhone, logIn, msg, test, type Language } from './fixtures';

/**
 * The Maven CRM data set (public, read-only, never copied into the project): `$CRM_SHARED_DATA/maven-crm`
 * when set, else `shared/data/maven-crm` beside the checkout or above it (a worktree), else the
 * team machine's /work/shared (a checkout elsewhere, e.g. CI's clean clone).
 */
function mavenFile(name: string): string {
  const roots: string[] = [];
  if (process.env.CRM_SHARED_DATA) roots.push(process.env.CRM_SHARED_DATA);
  for (let dir = process.cwd(); dirname(dir) !== dir; dir = dirname(dir)) roots.push(join(dir, 'shared/data'));
  roots.push('/work/shared/data');
  const found = roots.map((root) => join(root, 'maven-crm', name)).find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`The Maven CRM data set is missing (looked in ${roots.join(', ')})`);
  return found;
}

/**
 * Zhang Wei, the sales manager, moves the company's old customer list into the CRM from his phone
 * (Chinese): he imports the Maven accounts through the wizard, ignores a column he does not want,
 * checks the file, reads the report (the misspelt sector is flagged, a company already in the CRM
 * is reported as a possible duplicate), imports anyway, merges the two companies the scan then
 * finds, and exports the company list.
 *
 * Phone only: the import creates the 85 Maven companies in the database both projects share, so
 * a second run of the journey (the laptop's) would find all of them already there.
 */
test('a manager imports the Maven accounts, merges a duplicate and exports the list', async ({ page, request, shot }, testInfo) => {
  test.skip(!isPhone(testInfo), 'The import creates the Maven companies once in the shared database: the phone (zh-CN) journey runs it.');
  const lang: Language = 'zh-CN';
  const t = (key: string, vars?: Record<string, string | number>) => msg(lang, key, vars);
  // Chinese has one plural form: i18next's `_other` keys.
  const csv = mavenFile('accounts.csv');
  // account,sector,... (no quoted commas in this file)
  const records = readFileSync(csv, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  const accounts = records.map(([name]) => name);
  expect(accounts).toHaveLength(85);
  expect(accounts).toContain('Acme Corporation');

  // A company someone typed in by hand last year: the same as the file's "Acme Corporation".
  const token = await apiToken(request, 'manager@example.com');
  const created = await request.post('/api/v1/companies', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: 'Acme Corp.', phone: '+14155550100' },
  });
  expect(created.status()).toBe(201);
  const handTyped = (await created.json()) as { id: number };

  // ---- From the companies list to the import wizard ----
  await page.goto('/companies');
  await logIn(page, lang, 'manager@example.com');
  await expect(page.getByRole('heading', { level: 2, name: t('companies.title'), exact: true })).toBeVisible();
  await page.getByRole('button', { name: t('imports.button'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: t('imports.newTitle') })).toBeVisible();
  await expect(page.getByRole('combobox', { name: t('imports.upload.entity') }).locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]')).toContainText(
    t('imports.entities.companies'),
  );
  await page.locator('input[type="file"]').setInputFiles(csv);
  await expect(page.getByText('accounts.csv')).toBeVisible();
  await shot(page, 'imports-01-upload');
  await page.getByRole('button', { name: t('imports.upload.submit') }).click();

  // ---- Mapping: each column with its first values; "employees" is not wanted ----
  await expect(page.getByRole('heading', { level: 3, name: t('imports.mapping.title') })).toBeVisible();
  await expect(page.getByText(t('imports.mapping.hint', { count: 85 }))).toBeVisible();
  const columns = page.getByRole('list', { name: t('imports.mapping.columns') });
  await expect(columns.getByRole('listitem')).toHaveCount(7);
  const fieldOf = (column: string) => page.getByRole('combobox', { name: t('imports.mapping.fieldFor', { column }) });
  const selectOf = (column: string) => fieldOf(column).locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]');
  // The proposal, from the English headers.
  await expect(selectOf('account')).toContainText(t('imports.fieldNames.name'));
  await expect(selectOf('sector')).toContainText(t('imports.fieldNames.industry'));
  await expect(selectOf('employees')).toContainText(t('imports.fieldNames.size'));
  await expect(selectOf('subsidiary_of')).toContainText(t('imports.fieldNames.parent'));
  await expect(columns.getByRole('listitem').filter({ hasText: 'account' }).first()).toContainText('Acme Corporation');
  await chooseOption(page, fieldOf('employees'), t('imports.mapping.ignore'));
  await shot(page, 'imports-02-mapping');
  await page.getByRole('button', { name: t('imports.mapping.check') }).click();

  // ---- The check (a dry run): nothing saved yet, every row accounted for ----
  await expect(page.getByText(t('imports.checked.title'))).toBeVisible({ timeout: 30_000 });
  const counts = page.getByRole('list', { name: t('imports.report.counts') });
  // "Acme Corporation" is already in the CRM (as "Acme Corp."): a possible duplicate, not created.
  await expect(counts).toContainText(`${t('imports.outcomes.created')}: 84`);
  await expect(counts).toContainText(`${t('imports.outcomes.duplicate')}: 1`);
  await expect(counts).toContainText(`${t('imports.outcomes.error')}: 0`);
  const rows = page.getByRole('list', { name: t('imports.report.rows') });
  // A row's card holds lists of its own (problems, candidates): the rows are the list's children.
  const rowCards = rows.locator(':scope > li');
  await expect(rowCards.first()).toBeVisible();
  await shot(page, 'imports-03-checked');

  // Only the possible duplicates: the one row, with the record it resembles (a link to it).
  await chooseOption(page, page.getByRole('combobox', { name: t('imports.report.filter') }), `${t('imports.outcomes.duplicate')} (1)`);
  await expect(rowCards).toHaveCount(1);
  const duplicateRow = rowCards.first();
  await expect(duplicateRow).toContainText('Acme Corporation');
  await expect(duplicateRow.getByRole('list', { name: t('imports.report.candidates') }).getByRole('link', { name: 'Acme Corp.' })).toBeVisible();
  // The misspelt sector of that row ("technolgy" beside "technology") is flagged, and kept as written.
  await expect(duplicateRow.getByRole('list', { name: t('imports.report.problems') })).toContainText('technolgy');
  await shot(page, 'imports-04-duplicate-row');
  // Every row with the misspelling says so; none is changed silently.
  const misspelt = records.filter(([, sector]) => sector === 'technolgy').map(([name]) => name);
  expect(misspelt.length).toBeGreaterThan(1);
  await chooseOption(page, page.getByRole('combobox', { name: t('imports.report.filter') }), t('imports.report.all', { count: 85 }));
  const misspeltRow = rowCards.filter({ hasText: misspelt[1] });
  await expect(misspeltRow.getByRole('list', { name: t('imports.report.problems') })).toContainText('technology');
  // So is the misspelt country of an office ("Philipines" beside "Philippines").
  const office = records.find(([, , , , , location]) => location === 'Philipines')?.[0] ?? '';
  await expect(rowCards.filter({ hasText: office }).getByRole('list', { name: t('imports.report.problems') })).toContainText('Philipines');

  // ---- Import, creating the duplicate anyway (it is merged below), then the final report ----
  await page.getByRole('checkbox', { name: t('imports.commit.createDuplicates_other', { count: 1 }) }).check();
  await page.getByRole('button', { name: t('imports.commit.button_other', { count: 85 }) }).click();
  await expect(page.getByText(t('imports.done.title'), { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(counts).toContainText(`${t('imports.outcomes.created')}: 85`);
  await expect(counts).toContainText(`${t('imports.outcomes.error')}: 0`);
  await expect(page.getByRole('button', { name: t('imports.revert.button') })).toBeVisible();
  await expect(rowCards.first()).toBeVisible();
  await shot(page, 'imports-05-imported');

  // ---- The duplicates of companies: scan, compare, merge the hand-typed one into the import ----
  await page.getByRole('link', { name: t('imports.done.openList', { list: t('imports.entities.companies') }) }).click();
  await expect(page.getByRole('heading', { level: 2, name: t('companies.title'), exact: true })).toBeVisible();
  await page.getByRole('button', { name: t('duplicates.findDuplicates') }).click();
  await expect(page.getByRole('heading', { level: 2, name: t('duplicates.title') })).toBeVisible();
  await page.getByRole('button', { name: t('duplicates.scan') }).click();
  await expect(page.getByText(t('duplicates.scanDone'))).toBeVisible({ timeout: 30_000 });
  const group = page.getByRole('group', { name: t('duplicates.groupLabel', { rule: t('duplicates.rules.name'), records: 'Acme Corporation, Acme Corp.' }) });
  const acmeGroup = group.or(
    page.getByRole('group', { name: t('duplicates.groupLabel', { rule: t('duplicates.rules.name'), records: 'Acme Corp., Acme Corporation' }) }),
  );
  await expect(acmeGroup).toBeVisible();
  await shot(page, 'imports-06-duplicates');
  await acmeGroup.getByRole('button', { name: new RegExp(`^${t('duplicates.compare')}`) }).click();
  const drawer = page.getByRole('dialog', { name: t('duplicates.compareTitle') });
  // The imported company is the one kept; the hand-typed one gives it its phone number.
  await drawer.locator('label', { hasText: 'Acme Corporation' }).first().click();
  await expect(drawer.getByRole('radio', { name: /Acme Corporation/ }).first()).toBeChecked();
  const phoneChoice = drawer.locator('.compare-row', { has: page.getByText(t('duplicates.fields.phone'), { exact: true }) });
  // Each choice says which field it is for.
  await expect(phoneChoice.getByText(t('duplicates.fields.phone'), { exact: true })).toBeVisible();
  await phoneChoice.locator('label', { hasText: '+14155550100' }).click();
  await shot(page, 'imports-07-compare');
  await drawer.getByRole('button', { name: t('duplicates.mergeCount_other', { count: 1 }) }).click();

  // The result: into which record, what moved, and an undo for 30 days.
  const result = page.locator('.merge-result');
  await expect(result.getByRole('heading', { name: t('duplicates.result.title') })).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText(t('duplicates.result.into', { name: 'Acme Corporation' }));
  await expect(result).toContainText(t('duplicates.result.duplicates', { ids: `#${handTyped.id}` }));
  await expect(result.getByRole('button', { name: t('duplicates.undo') })).toBeVisible();
  await expect(acmeGroup).toBeHidden();
  await shot(page, 'imports-08-merged');

  // The merged company has the phone of the hand-typed one.
  await result.getByRole('link', { name: t('duplicates.result.openPrimary') }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Acme Corporation' })).toBeVisible();
  await expect(page.locator('[data-field="phone"]')).toContainText('+14155550100');

  // ---- Export the company list as CSV: a BOM for Excel, the imported names, not the merged one ----
  await page.goto('/companies');
  await expect(page.getByRole('heading', { level: 2, name: t('companies.title'), exact: true })).toBeVisible();
  await page.getByRole('button', { name: t('exports.button') }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: t('exports.csv') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByText(t('exports.downloaded', { name: download.suggestedFilename() }))).toBeVisible();
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  for (const name of accounts) expect(text, `${name} in the export`).toContain(name);
  expect(text).not.toContain('Acme Corp.');
});
