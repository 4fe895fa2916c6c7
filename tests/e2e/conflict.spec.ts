import { apiToken, expect, isPhone, logIn, msg, test, type Language } from './fixtures';

/**
 * Stale edit: the lead is changed elsewhere (through the API, as the rep's other device would)
 * between loading the page and saving. The save is refused with 412; the page says so, offers a
 * reload, and the change goes through afterwards.
 */
test('a stale edit is refused and explained, and works after a reload', async ({
  page,
  request,
  guard,
  shot,
}, testInfo) => {
  const lang: Language = isPhone(testInfo) ? 'zh-CN' : 'en-US';
  const t = (key: string, vars?: Record<string, string | number>) => msg(lang, key, vars);

  // A lead of Li Na's, created through the API.
  const token = await apiToken(request, 'sales1@example.com');
  const auth = { Authorization: `Bearer ${token}` };
  const created = await request.post('/api/v1/leads', {
    headers: auth,
    data: { name: `Conflict ${testInfo.project.name} ${Date.now() % 100000}`, company_name: 'Before GmbH' },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: number; name: string };

  await page.goto(`/leads/${lead.id}`);
  await logIn(page, lang, 'sales1@example.com');
  await expect(page.getByRole('heading', { level: 2, name: lead.name })).toBeVisible();

  // She starts editing the company...
  const company = page.locator('[data-field="company_name"]');
  await page.getByRole('button', { name: t('common.editField', { field: t('leads.fields.company_name') }) }).click();
  await company.getByLabel(t('leads.fields.company_name')).fill('Mine AG');

  // ...while her other device renames the company.
  const current = await request.get(`/api/v1/leads/${lead.id}`, { headers: auth });
  const changed = await request.patch(`/api/v1/leads/${lead.id}`, {
    headers: { ...auth, 'If-Match': current.headers().etag },
    data: { company_name: 'Theirs Ltd' },
  });
  expect(changed.status()).toBe(200);

  guard.allowConsoleError(/status of 412/); // the browser logs the refused save
  await company.getByRole('button', { name: t('common.save') }).click();
  const alert = page.getByRole('alert').filter({ hasText: t('leads.conflict.title') });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(t('leads.conflict.detail'));
  await expect(company.getByLabel(t('leads.fields.company_name'))).toHaveValue('Mine AG'); // not lost
  await shot(page, `09-stale-edit-conflict-${lang}`);

  await alert.getByRole('button', { name: t('leads.conflict.reload') }).click();
  await expect(alert).toBeHidden();
  await expect(page.locator('.lead-heading')).toContainText('Theirs Ltd'); // their change is shown

  // Saving again now applies on top of the latest version.
  await company.getByRole('button', { name: t('common.save') }).click();
  await expect(company).toContainText('Mine AG');
  const final = await request.get(`/api/v1/leads/${lead.id}`, { headers: auth });
  expect(((await final.json()) as { company_name: string }).company_name).toBe('Mine AG');
});
