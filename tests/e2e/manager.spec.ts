import { chooseOption, expect, logIn, msg, test } from './fixtures';

/** Zhang Wei, the East team's manager, on his laptop: his reps' leads, and reassigning one. */
test('a manager filters by a team member and reassigns a lead', async ({ page, shot }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the manager works on a laptop');
  const t = (key: string, vars?: Record<string, string | number>) => msg('en-US', key, vars);

  await page.goto('/leads');
  await logIn(page, 'en-US', 'manager@example.com');
  await expect(page.getByRole('heading', { level: 2, name: t('leads.title') })).toBeVisible();

  // Team members come from GET /assignees.
  await chooseOption(page, page.getByRole('combobox', { name: t('leads.filters.owner') }), 'Tom Baker');
  await expect(page).toHaveURL(/owner=\d+/);
  const rows = page.locator('.lead-table tbody tr[data-row-key]');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('Tom Baker');
  await shot(page, '10-manager-leads-of-a-rep-en-US');

  // Reassign the first of them to Li Na.
  await rows.first().getByRole('link').first().click();
  const owner = page.locator('[data-field="owner_id"]');
  await expect(owner).toContainText('Tom Baker');
  await page.getByRole('button', { name: t('common.editField', { field: t('leads.fields.owner') }) }).click();
  await chooseOption(page, owner.getByRole('combobox'), '李娜 Li Na');
  await owner.getByRole('button', { name: t('common.save') }).click();
  await expect(owner).toContainText('李娜 Li Na');
  await expect(owner.getByRole('combobox')).toBeHidden();
  await shot(page, '11-manager-reassigned-en-US');
});
