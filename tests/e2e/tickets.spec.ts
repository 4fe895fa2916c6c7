import { deflateSync } from 'node:zlib';
import { checkAccessibility, chooseOption, expect, isPhone, logIn, msg, tap, test } from './fixtures';

/** A real 2×2 PNG, made here: the server checks the bytes (magic numbers), not the name. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  // Each row: filter byte 0, then two RGB pixels.
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Wang Fang's complaint: she opens an urgent ticket on her laptop and asks the customer for
 * photos; the customer opens the link on a phone (browser in Chinese, no login), sends a photo
 * with a message; Wang Fang reloads the ticket and sees both.
 *
 * Desktop project only: the customer's phone is a context of its own inside the test, so the
 * phone project would repeat the same journey with the staff part squeezed onto a phone.
 */
test('a service agent requests files and sees what the customer sent from a phone', async ({ page, browser, shot }, testInfo) => {
  test.skip(isPhone(testInfo), 'runs once, on the laptop; the customer part opens its own phone-sized context');
  const t = (key: string, vars?: Record<string, string | number>) => msg('en-US', key, vars);
  const zh = (key: string, vars?: Record<string, string | number>) => msg('zh-CN', key, vars);

  // ---- Wang Fang opens an urgent complaint ----
  await page.goto('/tickets');
  await logIn(page, 'en-US', 'service@example.com');
  await expect(page.getByRole('heading', { level: 2, name: t('tickets.title'), exact: true })).toBeVisible();
  await expect(page.locator('.sla-badge').first()).toBeVisible();
  await shot(page, 'tickets-01-list');

  const subject = `Oil leaking from pump ${Date.now() % 100000}`;
  await page.getByRole('button', { name: t('tickets.new') }).click();
  const form = page.getByRole('dialog', { name: t('tickets.createTitle') });
  await form.getByLabel(t('tickets.fields.subject')).fill(subject);
  await tap(form.getByRole('radio', { name: t('tickets.priorities.urgent') }));
  await form.getByRole('button', { name: t('tickets.create') }).click();
  await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
  // Urgent: the first response is due within the hour, the resolution within 4 hours.
  await expect(page.locator('.sla-badge').first()).toHaveText(
    new RegExp(t('tickets.sla.responseDue', { span: '(1 h|\\d+ min)' })),
  );
  await expect(page.locator('.sla-badge').nth(1)).toHaveText(new RegExp(t('tickets.sla.resolutionDue', { span: '(4|3) h' })));
  const ticketUrl = page.url();

  // ---- ... names the customer on the ticket, and sees its contacts and orders beside it ----
  const details = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: t('tickets.details'), exact: true }) });
  await details.getByRole('button', { name: t('common.editField', { field: t('tickets.fields.company') }) }).click();
  const companyBox = details.getByRole('combobox', { name: t('tickets.fields.company') });
  await companyBox.fill('Hengli');
  await chooseOption(page, companyBox, 'Suzhou Hengli Pumps');
  await details.getByRole('button', { name: t('common.save') }).click();
  const customer = page.locator('.customer-card');
  await expect(customer.getByRole('link', { name: /Suzhou Hengli Pumps/ })).toBeVisible();
  await details.getByRole('button', { name: t('common.editField', { field: t('tickets.fields.contact') }) }).click();
  await chooseOption(page, details.getByRole('combobox', { name: t('tickets.fields.contact') }), 'Chen Jing');
  await details.getByRole('button', { name: t('common.save') }).click();
  const people = customer.getByRole('list', { name: t('tickets.customer.contacts') }).getByRole('listitem');
  await expect(people.first()).toContainText('Chen Jing');
  await expect(people.first()).toContainText(t('tickets.customer.ticketContact'));
  await expect(customer.getByRole('heading', { name: t('tickets.customer.orders') })).toBeVisible();

  // ---- ... and asks the customer for photos ----
  await page.getByRole('button', { name: t('tickets.uploadLinks.open') }).click();
  const dialog = page.getByRole('dialog', { name: t('tickets.uploadLinks.title') });
  await dialog.getByRole('button', { name: t('tickets.uploadLinks.create') }).click();
  const urlField = dialog.getByRole('textbox', { name: t('tickets.uploadLinks.url') });
  await expect(urlField).toHaveValue(/\/u\/[\w-]{20,}$/);
  await expect(dialog.getByRole('img', { name: t('tickets.uploadLinks.qr') })).toBeVisible();
  const link = await urlField.inputValue();
  await expect(dialog.getByText(t('tickets.uploadLinks.states.active'))).toBeVisible();
  await shot(page, 'tickets-02-upload-link', { fullPage: false });
  await dialog.getByRole('button', { name: t('tickets.uploadLinks.done') }).click();

  // ---- The customer, on a phone in Chinese, without an account ----
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
  try {
    const customer = await phone.newPage();
    const problems: string[] = [];
    customer.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    customer.on('pageerror', (error) => problems.push(error.message));
    const calls: string[] = [];
    customer.on('request', (request) => calls.push(new URL(request.url()).pathname));

    await customer.goto(link);
    await expect(customer.getByRole('heading', { name: zh('publicUpload.title') })).toBeVisible();
    await expect(customer.getByText(subject)).toBeVisible();
    await expect(customer.getByRole('button', { name: zh('publicUpload.takePhoto') })).toBeVisible();
    await checkAccessibility(customer, 'public upload page');

    await customer.getByLabel(zh('publicUpload.message')).fill('密封处漏油，照片如下');
    await customer.locator('input[name="files"]').setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: png() });
    await expect(customer.getByText(zh('publicUpload.received'))).toBeVisible();
    await expect(customer.getByText(zh('publicUpload.messageSent'))).toBeVisible();
    await customer.screenshot({ path: 'test-artifacts/screenshots/desktop/tickets-03-customer-phone.png' });
    await checkAccessibility(customer, 'public upload page after sending');

    // No login, no session: only the link's own endpoints were called.
    expect(calls.filter((path) => path.startsWith('/api/')).every((path) => path.startsWith('/api/v1/public/'))).toBe(true);
    expect(problems).toEqual([]);
  } finally {
    await phone.close();
  }

  // ---- Wang Fang reloads the ticket: the photo and the message are there ----
  await page.goto(ticketUrl);
  const photo = page.getByRole('img', { name: 'leak.png' });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(2);
  await expect(page.locator('.attachment-panel')).toContainText(t('attachments.fromCustomer'));
  const comments = page.getByRole('list', { name: t('tickets.comments.title') });
  await expect(comments).toContainText('密封处漏油，照片如下');
  await expect(comments).toContainText(t('tickets.comments.customer'));
  await expect(page.locator('.customer-replied-badge')).toHaveText(new RegExp(t('tickets.customerReplied', { span: '\\d+ min' })));
  await shot(page, 'tickets-04-detail-with-customer-photo');

  // ---- Later, the company's tickets, picked in the list's filter bar ----
  await page.getByRole('main').getByRole('link', { name: t('tickets.backToList') }).click();
  const companyFilter = page.getByRole('combobox', { name: t('tickets.filters.company') });
  await companyFilter.fill('Hengli');
  await chooseOption(page, companyFilter, 'Suzhou Hengli Pumps');
  await expect(page).toHaveURL(/[?&]company=\d+/);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(page.getByRole('link', { name: subject })).toBeVisible();
  await expect(page.locator('.ticket-table')).not.toContainText('Nordic Fluid Systems');
  // ... whose reply is still waiting for an answer.
  // click, not check(): the box follows the URL, which the router updates in a transition.
  const replied = page.getByRole('checkbox', { name: t('tickets.filters.replied') });
  await replied.click();
  await expect(replied).toBeChecked();
  await expect(page).toHaveURL(/[?&]replied=1/);
  await expect(page.getByRole('link', { name: subject })).toBeVisible();
});
