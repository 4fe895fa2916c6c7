import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { resetSessionForTests } from '../api/session';
import i18n from '../i18n';
import { server, unhandledRequests } from './server';
import { setViewportWidth } from './viewport';

// antd renders large trees and role queries are slow in jsdom: give async queries time.
configure({ asyncUtilTimeout: 5000 });

// ---- Browser APIs jsdom does not have ----
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {}; // jsdom has none
const getComputedStyle = window.getComputedStyle.bind(window);
// jsdom does not implement pseudo-elements; antd asks for them when measuring scrollbars.
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// ---- Network: MSW at the fetch level; unknown routes fail the test ----
beforeAll(() => {
  server.listen({
    onUnhandledRequest(request) {
      unhandledRequests.push(`${request.method} ${request.url}`);
    },
  });
});

// ---- Any console error or warning (React act(), antd deprecations, ...) fails the test ----
const consoleProblems: string[] = [];
/** jsdom has no layout: antd's auto-sizing text areas compute NaN heights there, never in browsers. */
const JSDOM_ONLY = [/`NaN` is an invalid value for the `%s` css style property/];
beforeEach(async () => {
  setViewportWidth(1280);
  localStorage.clear();
  resetSessionForTests({ status: 'anonymous', user: null });
  await i18n.changeLanguage('en-US');
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (!JSDOM_ONLY.some((pattern) => pattern.test(text))) consoleProblems.push(`console.${level}: ${text}`);
    });
  }
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  vi.restoreAllMocks();
  const unhandled = unhandledRequests.splice(0);
  const problems = consoleProblems.splice(0);
  expect(unhandled, 'requests to routes the test did not mock').toEqual([]);
  expect(problems, 'console errors and warnings').toEqual([]);
});

afterAll(() => server.close());
