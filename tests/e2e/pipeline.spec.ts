import type { Locator, Page } from '@playwright/test';
import { apiToken, expect, isPhone, logIn, msg, test, type Language } from './fixtures';

/**
 * Li Na converts a lead into a customer and an opportunity, moves the opportunity across the
 * board to the won stage by dragging it (mouse on the laptop, her thumb on the phone), and
 * turns it into an order.
 */

/**
 * A mouse drag in small steps, which dnd-kit's pointer sensor follows. It drops near the target
 * column's left edge: close to the board's right edge the board would scroll along (auto-scroll).
 */
async function mouseDrag(page: Page, card: Locator, target: Locator) {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x + 40, to.y + 80, { steps: 20 });
  await page.mouse.up();
}

/** A finger: press and hold (the touch sensor waits for a short press), move, lift. */
async function touchDrag(page: Page, card: Locator, x: number, y: number) {
  const from = (await card.boundingBox())!;
  const client = await page.context().newCDPSession(page);
  const start = { x: from.x + from.width / 2, y: from.y + 12 };
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] });
  await page.waitForTimeout(400);
  const steps = 15;
  for (let i = 1; i <= steps; i += 1) {
    const point = { x: start.x + ((x - start.x) * i) / steps, y: start.y + ((y - start.y) * i) / steps };
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
    await page.waitForTimeout(16);
  }
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await client.detach();
}

test('a lead becomes an opportunity, is won on the board, and becomes an order', async ({
  page,
  request,
  shot,
}, testInfo) => {
  const phone = isPhone(testInfo);
  const lang: Language = phone ? 'zh-CN' : 'en-US';
  const t = (key: string, vars?: Record<string, string | number>) => msg(lang, key, vars);
  const heading = (name: string) => page.getByRole('heading', { level: 2, name, exact: true });

  // A lead of Li Na's from a trade fair.
  const token = await apiToken(request, 'sales1@example.com');
  const suffix = `${testInfo.project.name} ${Date.now() % 100000}`;
  const company = `无锡水泵 ${suffix}`;
  const created = await request.post('/api/v1/leads', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: `陈刚 ${suffix}`, company_name: company, status: 'qualified' },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: number; name: string };

  // ---- Convert it, with an opportunity in the manufacturing pipeline ----
  await page.goto(`/leads/${lead.id}`);
  await logIn(page, lang, 'sales1@example.com');
  await expect(heading(lead.name)).toBeVisible();
  await page.getByRole('button', { name: t('convert.button'), exact: true }).click();
  const drawer = page.getByRole('dialog', { name: t('convert.title') });
  await expect(drawer.getByLabel(t('convert.opportunityName'))).toHaveValue(company);
  await expect(drawer.getByRole('radio', { name: t('convert.newCompany', { name: company }) })).toBeChecked();
  await drawer.getByLabel(t('convert.amount')).fill('12000.00');
  await expect(drawer.getByRole('combobox', { name: t('convert.pipeline') })).toBeVisible();
  await expect(drawer).toContainText(t('pipelines.manufacturing'));
  await shot(page, `20-convert-lead-${lang}`, { fullPage: false });
  await drawer.getByRole('button', { name: t('convert.submit'), exact: true }).click();

  // It lands on the new opportunity.
  await expect(page).toHaveURL(/\/opportunities\/\d+$/);
  const opportunityUrl = page.url();
  await expect(heading(company)).toBeVisible();
  await expect(page.getByText(t('opportunities.history.created', { to: t('stages.Inquiry') }))).toBeVisible();

  // ---- The board: drag the card across the stages to the won one ----
  if (phone) await page.goto('/pipeline');
  else await page.locator('.nav-menu').getByRole('link', { name: t('nav.pipeline') }).click();
  await expect(heading(t('board.title'))).toBeVisible();
  const column = (stage: string) => page.getByRole('region', { name: t(`stages.${stage}`) });
  const card = page.getByRole('article', { name: company });
  await expect(column('Inquiry').getByRole('article', { name: company })).toBeVisible();
  await shot(page, `21-board-${lang}`, { fullPage: false });

  const board = page.locator('.board-columns');
  if (phone) {
    // Press on the card, then slide it onto the next column peeking in at the right edge.
    const next = (await column('Sample').boundingBox())!;
    await touchDrag(page, card, next.x + 16, next.y + 120);
    await expect(column('Sample').getByRole('article', { name: company })).toBeVisible();
    // Swipe the columns along; the next ones come into view the same way.
    for (const [from, to] of [
      ['Sample', 'Quotation'],
      ['Quotation', 'Negotiation'],
      ['Negotiation', 'Order'],
    ]) {
      await column(from).evaluate((element) => element.scrollIntoView({ inline: 'start', block: 'nearest' }));
      await page.waitForTimeout(300);
      const target = (await column(to).boundingBox())!;
      await touchDrag(page, column(from).getByRole('article', { name: company }), target.x + 16, target.y + 120);
      await expect(column(to).getByRole('article', { name: company })).toBeVisible();
    }
  } else {
    await mouseDrag(page, card, column('Negotiation'));
    await expect(column('Negotiation').getByRole('article', { name: company })).toBeVisible();
    await board.evaluate((element) => (element.scrollLeft = element.scrollWidth));
    await mouseDrag(page, column('Negotiation').getByRole('article', { name: company }), column('Order'));
    await expect(column('Order').getByRole('article', { name: company })).toBeVisible();
  }
  // The won column's totals include it (after the server answered).
  await expect(page.getByText(t('board.moved', { stage: t('stages.Order') }))).toBeVisible();
  await expect(column('Order')).toContainText('12,000.00');
  await shot(page, `22-board-won-${lang}`, { fullPage: false });

  // ---- The list view ----
  await page.goto('/opportunities?status=won');
  await expect(page.getByRole('link', { name: company })).toBeVisible();
  await shot(page, `23-opportunity-list-${lang}`);

  // ---- Open the opportunity, create the order ----
  await page.goto(opportunityUrl);
  await expect(heading(company)).toBeVisible();
  await expect(page.getByText(t('opportunities.statuses.won')).first()).toBeVisible();
  await shot(page, `24-opportunity-won-${lang}`);
  await page.getByRole('button', { name: t('opportunities.createOrder') }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  const orderHeading = page.getByRole('heading', { level: 2, name: /^SO-/ });
  await expect(orderHeading).toBeVisible();
  await expect(page.getByText(t('orders.statuses.draft')).first()).toBeVisible();
  await shot(page, `25-order-${lang}`);

  // Confirm it; the next allowed steps show.
  await page.getByRole('button', { name: t('orders.actions.confirmed') }).click();
  await expect(page.getByRole('button', { name: t('orders.actions.shipped') })).toBeVisible();
  const number = (await orderHeading.textContent())!;

  // ---- The order list ----
  await page.goto('/orders');
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await shot(page, `26-orders-${lang}`);

  // ---- The customer the lead became: its contacts, opportunities and timeline ----
  await page.goto(`/companies?q=${encodeURIComponent(company)}`);
  await page.getByRole('link', { name: company }).click();
  await expect(heading(company)).toBeVisible();
  await expect(page.getByRole('link', { name: lead.name })).toBeVisible();
  await expect(page.locator('.company-detail-page').getByRole('link', { name: company })).toBeVisible(); // its opportunity
  await shot(page, `27-company-${lang}`);
  await page.goto('/companies');
  await expect(heading(t('companies.title'))).toBeVisible();
  await shot(page, `28-companies-${lang}`);

  await page.goto(`/contacts?q=${encodeURIComponent(lead.name)}`);
  await page.getByRole('link', { name: lead.name }).click();
  await expect(heading(lead.name)).toBeVisible();
  await expect(page.getByRole('link', { name: company })).toBeVisible();
  await shot(page, `29-contact-${lang}`);
  await page.goto('/contacts');
  await expect(heading(t('contacts.title'))).toBeVisible();
  await shot(page, `30-contacts-${lang}`);

  // ---- The catalogue with its stock ----
  await page.goto('/products');
  await expect(heading(t('products.title'))).toBeVisible();
  await expect(page.getByText(t('products.active')).first()).toBeVisible();
  await shot(page, `31-products-${lang}`);
});
