import { vi } from 'vitest';

/**
 * antd deprecates its List (every phone list of the app still uses it): that one-time development
 * warning is not a test's concern; any other console error still fails the test.
 */
export function ignoreListDeprecation(): void {
  const consoleError = vi.mocked(console.error);
  const record = consoleError.getMockImplementation();
  consoleError.mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('The `List` component is deprecated')) record?.(...args);
  });
}
