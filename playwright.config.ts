import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the SPA against the real Flask app on a fresh database (tests/e2e/serve.sh).
 * Run with `npm run e2e` (it builds frontend/dist first when it is missing or stale).
 * Chromium is Debian's (/usr/bin/chromium, override with CHROMIUM_PATH); none is downloaded.
 */
const port = Number(process.env.E2E_PORT ?? 8123);

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-artifacts/e2e-output',
  fullyParallel: false,
  workers: 1, // a 2-core machine, and one server with one database
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: 'test-artifacts/e2e-report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    timezoneId: 'Asia/Shanghai',
    // The app switches antd's animations off for users who ask for less motion; the tests do
    // too, so that no click lands on a menu that is still sliding in.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      // Zhang Wei's laptop, browser in English.
      name: 'desktop',
      use: { browserName: 'chromium', viewport: { width: 1366, height: 900 }, locale: 'en-US' },
    },
    {
      // Li Na's phone, browser in Chinese.
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      },
    },
  ],
  webServer: {
    command: 'bash tests/e2e/serve.sh',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: { E2E_PORT: String(port) },
  },
});
