/**
 * jsdom has no layout: matchMedia answers as a screen of the given width would, so antd's
 * breakpoints (and the app's phone layout) can be tested. 1280 px (desktop) by default.
 */
let width = 1280;
const listeners = new Set<() => void>();

function matches(query: string): boolean {
  // Tests run as a user who asked for reduced motion: antd's animations are off.
  if (query.includes('prefers-reduced-motion')) return query.includes('reduce');
  const min = /min-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
}

window.matchMedia = (query: string) =>
  ({
    get matches() {
      return matches(query);
    },
    media: query,
    onchange: null,
    addListener: (listener: () => void) => listeners.add(listener),
    removeListener: (listener: () => void) => listeners.delete(listener),
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    dispatchEvent: () => false,
  }) as unknown as MediaQueryList;

export function setViewportWidth(next: number): void {
  width = next;
  Object.defineProperty(window, 'innerWidth', { value: next, configurable: true });
}
