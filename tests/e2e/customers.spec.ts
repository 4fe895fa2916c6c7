import { expect, isPhone, logIn, msg, test, type Language } from './fixtures';

/**
 * Li Na back from a visit: she adds the customer's company with the phone as written on its card,
 * adds her contact there, corrects the contact's job title in place, and finds the company again
 * by searching the list. Laptop in English, phone in Chinese; each project makes its own company
 * (both share one server).
 */
test('a sales rep creates a company and a contact, edits the contact and finds the company', async ({ page, shot }, testInfo) => {
  const phone = isPhone(testInfo);
  const lang: Language = phone ? 'zh-CN' : 'en-US';
  const t = (key: string, vars?: Record<string, string | number>) => msg(lang, key, vars);
  const suffix = `${testInfo.project.name} ${Date.now() % 100000}`;
  const companyName = `Jiading Pump Works ${suffix}`;
  const contactName = `Chen Jing ${suffix}`;

  // ---- A new company, its phone typed the way people write it ----
  await page.goto('/companies');
  await logIn(page, lang, 'sales1@example.com');
  await expect(page.getByRole('heading', { level: 2, name: t('companies.title'), exact: true })).toBeVisible();
  await page.getByRole('button', { name: t('customers.newCompany') }).click();
  const companyForm = page.getByRole('dialog', { name: t('customers.newCompany') });
  await companyForm.getByLabel(t('companies.fields.name'), { exact: true }).fill(companyName);
  await companyForm.getByLabel(t('companies.fields.phone')).fill('021 5555 1234');
  await shot(page, `customers-01-new-company-${lang}`);
  await companyForm.getByRole('button', { name: t('customers.createCompany') }).click();

  // ---- Its page shows the phone as the server stored it (E.164) ----
  await expect(page.getByRole('heading', { level: 2, name: companyName })).toBeVisible();
  const companyPhone = page.locator('[data-field="phone"]');
  await expect(companyPhone.getByRole('link', { name: '+862155551234' })).toHaveAttribute('href', 'tel:+862155551234');
  await shot(page, `customers-02-company-${lang}`);

  // ---- A contact added from there works for that company ----
  await page.getByRole('button', { name: t('customers.addContact') }).click();
  const contactForm = page.getByRole('dialog', { name: t('customers.newContact') });
  await expect(contactForm.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: t('contacts.fields.company') }) })).toContainText(companyName);
  await contactForm.getByLabel(t('contacts.fields.name'), { exact: true }).fill(contactName);
  await contactForm.getByLabel(t('contacts.fields.title')).fill('Buyer');
  await contactForm.getByRole('button', { name: t('customers.createContact') }).click();
  await expect(page.getByRole('heading', { level: 2, name: contactName })).toBeVisible();
  await expect(page.locator('[data-field="company_id"]').getByRole('link', { name: companyName })).toBeVisible();

  // ---- Her job title, corrected in place ----
  const title = page.locator('[data-field="title"]');
  await title.getByRole('button', { name: t('common.editField', { field: t('contacts.fields.title') }) }).click();
  await title.getByLabel(t('contacts.fields.title')).fill('Head of purchasing');
  await title.getByRole('button', { name: t('common.save') }).click();
  await expect(title.getByText('Head of purchasing')).toBeVisible();
  await shot(page, `customers-03-contact-${lang}`);

  // ---- The company, found by searching the list ----
  await page.locator('[data-field="company_id"]').getByRole('link', { name: companyName }).click();
  // The navigation has a link of the same name; the back link is the one in the page.
  await page.getByRole('main').getByRole('link', { name: t('companies.backToList') }).click();
  await page.getByRole('searchbox', { name: t('companies.search') }).fill(companyName);
  await page.getByRole('searchbox', { name: t('companies.search') }).press('Enter');
  await expect(page).toHaveURL(/\/companies\?q=/);
  await expect(page.getByRole('link', { name: companyName })).toBeVisible();
  await shot(page, `customers-04-search-${lang}`);
});
