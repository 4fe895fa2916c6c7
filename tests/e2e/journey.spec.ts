import { chooseOption, expect, isPhone, logIn, logOut, msg, tap, test, type Language } from './fixtures';

/**
 * Li Na's day, on a laptop (browser in English) and on her phone (browser in Chinese): log in,
 * filter the list, create a lead, open it, edit a field, add and complete a follow-up, switch
 * the language, log out.
 */
test('a sales rep works her leads from login to logout', async ({ page, guard, shot }, testInfo) => {
  const phone = isPhone(testInfo);
  const first: Language = phone ? 'zh-CN' : 'en-US'; // the browser's language
  const second: Language = phone ? 'en-US' : 'zh-CN'; // the one she switches to
  let lang = first;
  const t = (key: string, vars?: Record<string, string | number>) => msg(lang, key, vars);
  const heading = (name: string) => page.getByRole('heading', { level: 2, name, exact: true });

  // ---- Log in: the first visit follows the browser language ----
  await page.goto('/leads?status=contacted');
  await expect(page.getByRole('heading', { name: t('login.title') })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=/);
  await shot(page, `01-login-${lang}`);
  await logIn(page, lang, 'sales1@example.com');
  // Back where she wanted to go, with the filter of the link.
  await expect(heading(t('leads.title'))).toBeVisible();
  await expect(page).toHaveURL(/\/leads\?status=contacted$/);

  // ---- Filter the list: her own leads, status "contacted"; the view survives a reload ----
  if (phone) {
    await page.getByRole('button', { name: new RegExp(t('leads.filters.button')) }).click();
    const drawer = page.getByRole('dialog', { name: t('leads.filters.title') });
    await chooseOption(page, drawer.getByRole('combobox', { name: t('leads.filters.owner') }), t('leads.owners.me'));
    await shot(page, `02-leads-filter-drawer-${lang}`);
    await drawer.getByRole('button', { name: t('leads.filters.show') }).click();
    await expect(drawer).toBeHidden();
  } else {
    await chooseOption(page, page.getByRole('combobox', { name: t('leads.filters.owner') }), t('leads.owners.me'));
  }
  await expect(page).toHaveURL(/status=contacted&owner=me/);
  const statusTags = page.locator('.status-tag');
  // Every row shown is "contacted" (retried: the unfiltered rows stay on screen until the filtered
  // page arrives, so a snapshot of the tags taken too early counts rows that then go).
  await expect(async () => {
    const shown = await statusTags.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([t('leads.statuses.contacted')]));
  }).toPass({ timeout: 10_000 });
  await page.reload();
  await expect(page).toHaveURL(/status=contacted&owner=me/);
  await expect(statusTags.first()).toHaveText(t('leads.statuses.contacted'));
  await shot(page, `02-leads-filtered-${lang}`);

  // ---- Offline on the train: a banner says so, and goes when the connection is back ----
  await page.context().setOffline(true);
  await expect(page.getByText(t('offline.title'))).toBeVisible();
  await shot(page, `02-leads-offline-${lang}`, { fullPage: false });
  await page.context().setOffline(false);
  await expect(page.getByText(t('offline.title'))).toBeHidden();

  // ---- Create a lead from a trade-fair card; a bad phone is refused under the phone field ----
  const name = `王磊 ${testInfo.project.name} ${Date.now() % 100000}`;
  await page.getByRole('button', { name: t('leads.new') }).click();
  const form = page.getByRole('dialog', { name: t('leads.createTitle') });
  await form.getByLabel(t('leads.fields.name')).fill(name);
  await form.getByLabel(t('leads.fields.company_name')).fill('苏州泵业');
  await form.getByLabel(t('leads.fields.phone')).fill('12');
  guard.allowConsoleError(/status of 422/); // the browser logs the refused request
  await form.getByRole('button', { name: t('leads.create') }).click();
  await expect(form.locator('.ant-form-item', { has: page.getByLabel(t('leads.fields.phone')) })).toContainText(
    // The server answers the message in the language the app sends (Accept-Language).
    lang === 'zh-CN' ? '电话号码无效。' : 'Not a valid phone number.',
  );
  await shot(page, `03-create-lead-error-${lang}`, { fullPage: false });
  // Each project its own number: the same one twice would be a duplicate (the app warns after saving).
  const mobile = phone ? '8001' : '8000';
  await form.getByLabel(t('leads.fields.phone')).fill(`138 0013 ${mobile}`);
  await form.getByRole('button', { name: t('leads.create') }).click();

  // The new lead opens; the server stored the phone in E.164.
  await expect(heading(name)).toBeVisible();
  await expect(page).toHaveTitle(`${name} · CRM`);
  await expect(page.locator('[data-field="phone"]')).toContainText(`+861380013${mobile}`);

  // ---- Back to the list (with her filters), clear them, find the new lead and open it ----
  await page.getByRole('link', { name: t('leads.backToList') }).click();
  await expect(page).toHaveURL(/status=contacted&owner=me/);
  if (phone) {
    await page.getByRole('button', { name: new RegExp(t('leads.filters.button')) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t('leads.filters.clear') }).click();
    await page.getByRole('dialog').getByRole('button', { name: t('leads.filters.show') }).click();
  } else {
    await page.getByRole('button', { name: t('leads.filters.clear') }).click();
  }
  await expect(page).toHaveURL(/\/leads$/);
  await page.getByRole('searchbox', { name: t('leads.search') }).fill(name);
  await expect(page).toHaveURL(/q=/);
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await expect(heading(name)).toBeVisible();

  // ---- Edit a field in place; it is saved (and still there after a reload) ----
  const titleField = page.locator('[data-field="title"]');
  await page.getByRole('button', { name: t('common.editField', { field: t('leads.fields.title') }) }).click();
  await titleField.getByLabel(t('leads.fields.title')).fill('采购经理');
  await titleField.getByRole('button', { name: t('common.save') }).click();
  await expect(titleField).toContainText('采购经理');
  await expect(titleField.getByRole('button', { name: t('common.save') })).toBeHidden();
  await page.reload(); // the session comes back from the refresh cookie
  await expect(page.locator('[data-field="title"]')).toContainText('采购经理');

  // ---- Plan a follow-up for tomorrow 9:00 in two taps, then mark it done ----
  await tap(page.getByRole('radio', { name: t('followUps.kinds.meeting') }));
  await page.getByLabel(t('followUps.content')).fill('Show the new pump on site');
  await tap(page.getByRole('radio', { name: t('followUps.whenOptions.tomorrow') }));
  await page.getByRole('button', { name: t('followUps.plan') }).click();
  const entry = page.getByRole('article').filter({ hasText: 'Show the new pump on site' });
  await expect(entry).toContainText(t('followUps.due', { when: t('time.tomorrowAt', { time: '09:00' }) }));
  await expect(page.locator('.lead-details-card')).toContainText(t('time.tomorrowAt', { time: '09:00' }));
  await shot(page, `04-lead-detail-${lang}`);
  if (phone) {
    await entry.scrollIntoViewIfNeeded();
    await shot(page, `04-lead-detail-follow-up-planned-${lang}`);
  }
  await entry.getByRole('button', { name: t('followUps.markDone'), exact: true }).click();
  await expect(entry).toContainText(t('followUps.doneAt', { when: '' }).trim());
  await expect(entry.getByRole('button', { name: t('followUps.reopen') })).toBeVisible();
  await expect(page.locator('.lead-details-card')).toContainText(t('leads.noFollowUp'));

  // ---- Switch the language; the choice is remembered ----
  if (phone) {
    await page.getByRole('button', { name: t('nav.open') }).click();
    await shot(page, `05-navigation-drawer-${lang}`);
  }
  // The select's own name changes with the language: check the page's language instead.
  await chooseOption(
    page,
    page.getByRole('combobox', { name: t('language.label') }),
    msg(second, `language.${second}`),
    () => expect(page.locator('html')).toHaveAttribute('lang', second, { timeout: 2_000 }),
  );
  lang = second;
  if (phone) await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: t('followUps.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', second);
  await page.reload();
  await expect(page.getByRole('heading', { name: t('followUps.title') })).toBeVisible();
  await shot(page, `06-lead-detail-${lang}`);
  await page.getByRole('link', { name: t('leads.backToList') }).click();
  await expect(heading(t('leads.title'))).toBeVisible();
  await page.getByRole('searchbox', { name: t('leads.search') }).fill('');
  await expect(page).toHaveURL(/\/leads$/);
  await expect(page.locator(phone ? '.lead-card' : '.lead-table tbody tr')).not.toHaveCount(1);
  await shot(page, `07-leads-${lang}`);

  // ---- Log out: back to the login page, and a reload does not bring the session back ----
  await logOut(page, lang, phone, '李娜 Li Na');
  await page.goto('/leads');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: t('login.title') })).toBeVisible();
  await shot(page, `08-logged-out-${lang}`);
});
