import { test as base, expect, type APIRequestContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export { expect };

export const DEMO_PASSWORD = process.env.CRM_DEMO_PASSWORD ?? 'demo-pass-2026';
export type Language = 'zh-CN' | 'en-US';

type Messages = { [key: string]: string | Messages };
const messages: Record<Language, Messages> = {
  'zh-CN': JSON.parse(readFileSync(join(process.cwd(), 'frontend/src/i18n/zh-CN.json'), 'utf8')) as Messages,
  'en-US': JSON.parse(readFileSync(join(process.cwd(), 'frontend/src/i18n/en-US.json'), 'utf8')) as Messages,
};

/** The UI text of `key` in `language`, from the app's own message files ({{x}} filled from vars). */
export function msg(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  const value = key.split('.').reduce<string | Messages | undefined>(
    (node, part) => (typeof node === 'object' ? node[part] : undefined),
    messages[language],
  );
  if (typeof value !== 'string') throw new Error(`no message ${key} in ${language}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

export interface Guard {
  /** Declare a console error the test provokes on purpose (e.g. the browser logging a 412). */
  allowConsoleError(pattern: RegExp): void;
}

/**
 * Every test fails on a console error or an uncaught page error, except those it declared.
 * Screenshots go to test-artifacts/screenshots/<project>/.
 */
type Shot = (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;

export const test = base.extend<{ guard: Guard; shot: Shot }>({
  guard: [
    async ({ page }, use, testInfo) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = `${message.text()} ${message.location().url ?? ''}`;
        if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use({ allowConsoleError: (pattern) => allowed.push(pattern) });
      expect(problems, `console errors in ${testInfo.title}`).toEqual([]);
    },
    { auto: true },
  ],
  shot: async ({}, use, testInfo: TestInfo) => {
    const dir = join('test-artifacts', 'screenshots', testInfo.project.name);
    mkdirSync(dir, { recursive: true });
    // Whole pages on the laptop; on the phone what the screen shows (sticky bars and drawers
    // make full-page captures of a phone misleading), scroll first to show more.
    const fullPageByDefault = testInfo.project.name !== 'phone';
    await use(async (page, name, { fullPage = fullPageByDefault } = {}) => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(350); // let drawers and toasts finish moving
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage, animations: 'disabled' });
      await checkAccessibility(page, name);
    });
  },
});

/**
 * axe-core on the page as it is (WCAG 2 A and AA rules): labels, names of buttons and links,
 * ARIA use, contrast. Any violation fails the test, listed with the elements concerned.
 */
export async function checkAccessibility(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = violations.map(
    ({ id, impact, help, nodes }) =>
      `${id} (${impact}): ${help}\n    ${nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')}: ${node.any[0]?.message ?? node.failureSummary ?? ''}`)
        .join('\n    ')}`,
  );
  expect(found, `accessibility problems on ${where}`).toEqual([]);
}

export function isPhone(testInfo: TestInfo): boolean {
  return testInfo.project.name === 'phone';
}

/**
 * Chooses an option of an antd Select (its options open in a pop-up layer, with an animation),
 * and checks that the select shows it; tries again if the click landed while the layer moved.
 */
export async function chooseOption(
  page: Page,
  combobox: Locator,
  option: string,
  chosen: () => Promise<void> = () =>
    expect(combobox.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]')).toContainText(option, {
      timeout: 2_000,
    }),
) {
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await combobox.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click({ timeout: 3_000 });
    await chosen();
  }).toPass({ timeout: 15_000 });
}

/** Taps a radio button of an antd Radio.Group: its input is hidden, the label is what one taps. */
export async function tap(radio: Locator) {
  await radio.locator('xpath=ancestor::label[1]').click();
  await expect(radio).toBeChecked();
}

export async function logIn(page: Page, language: Language, email: string) {
  await page.getByLabel(msg(language, 'login.email')).fill(email);
  await page.getByLabel(msg(language, 'login.password')).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: msg(language, 'login.submit'), exact: true }).click();
}

/** Logs out through the user menu (the navigation drawer on a phone) and waits for the login page. */
export async function logOut(page: Page, language: Language, phone: boolean, userName: string) {
  const t = (key: string, vars?: Record<string, string | number>) => msg(language, key, vars);
  if (phone) {
    await page.getByRole('button', { name: t('nav.open') }).click();
    await page.getByRole('dialog').getByRole('button', { name: t('user.logout') }).click();
  } else {
    await page.getByRole('button', { name: t('user.menu', { name: userName }) }).click();
    await page.getByRole('menuitem', { name: t('user.logout') }).click();
  }
  await expect(page.getByRole('heading', { name: t('login.title') })).toBeVisible();
}

/**
 * A bearer token for calling the API directly, as another device would. Use the `request`
 * fixture (its own cookies), not page.request, which shares the browser's cookies.
 */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.ok()).toBeTruthy();
  const { access_token } = (await response.json()) as { access_token: string };
  return access_token;
}
