import { apiToken, expect, isPhone, logIn, logOut, msg, test, type Language } from './fixtures';

/**
 * The admin shortens the urgent targets from the navigation (the drawer on a phone) and sees
 * them after a reload; a service agent then reads the same targets without a way to change them.
 * Laptop in English, phone in Chinese.
 */
test('the admin sets the urgent SLA targets and service staff read them', async ({ page, request, shot }, testInfo) => {
  const phone = isPhone(testInfo);
  const lang: Language = phone ? 'zh-CN' : 'en-US';
  const t = (key: string, vars?: Record<string, string | number>) => msg(lang, key, vars);
  const urgentLabel = t('tickets.priorities.urgent');
  const urgent = page.getByRole('region', { name: urgentLabel });

  const openSlaPage = async () => {
    if (phone) await page.getByRole('button', { name: t('nav.open') }).click();
    await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t('nav.slaPolicies') }).click();
    await expect(page).toHaveURL(/\/settings\/sla$/);
    await expect(page.getByRole('heading', { level: 2, name: t('slaPolicies.title') })).toBeVisible();
  };

  // ---- The admin: half an hour to answer, four hours to resolve ----
  await page.goto('/tickets');
  await logIn(page, lang, 'admin@example.com');
  await expect(page.getByRole('heading', { level: 2, name: t('tickets.title'), exact: true })).toBeVisible();
  await openSlaPage();
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(
    ['urgent', 'high', 'normal', 'low'].map((priority) => t(`tickets.priorities.${priority}`)),
  );
  await urgent.getByLabel(t('slaPolicies.firstResponseHours')).fill('0.5');
  await urgent.getByLabel(t('slaPolicies.resolutionHours')).fill('4');
  await urgent.getByRole('button', { name: t('slaPolicies.save', { priority: urgentLabel }) }).click();
  await expect(page.getByText(t('slaPolicies.saved', { priority: urgentLabel }))).toBeVisible();
  await shot(page, `sla-01-admin-saved-${lang}`);

  await page.reload();
  await expect(urgent.getByLabel(t('slaPolicies.firstResponseHours'))).toHaveValue('0.5');
  await expect(urgent).toContainText(t('tickets.sla.minutes_other', { count: 30 }));
  await expect(urgent).toContainText(t('tickets.sla.hours_other', { count: 4 }));

  // ---- Log out; a service agent reads the targets ----
  await logOut(page, lang, phone, 'Admin');
  await logIn(page, lang, 'service@example.com');
  await openSlaPage();
  await expect(urgent.getByText(t('slaPolicies.firstResponse'), { exact: true })).toBeVisible();
  await expect(urgent).toContainText(t('tickets.sla.minutes_other', { count: 30 }));
  await expect(urgent).toContainText(t('tickets.sla.hours_other', { count: 4 }));
  await expect(page.getByRole('note')).toHaveText(t('slaPolicies.readOnly'));
  await expect(page.getByRole('spinbutton')).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('slaPolicies.save', { priority: urgentLabel }) })).toHaveCount(0);
  await shot(page, `sla-02-service-read-only-${lang}`);

  // Back to the seeded hours, so that the other journeys meet the defaults they expect.
  const token = await apiToken(request, 'admin@example.com');
  const reset = await request.put('/api/v1/sla-policies/urgent', {
    headers: { Authorization: `Bearer ${token}` },
    data: { first_response_hours: 1, resolution_hours: 4 },
  });
  expect(reset.ok()).toBeTruthy();
});
