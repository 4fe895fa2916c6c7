import { useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches, read synchronously on the first render (no flip that would
 * remount a page) and kept up to date (window resized, phone rotated, settings changed).
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** antd's `md` breakpoint: below it the app shows cards, stacked pages and a drawer menu. */
export const PHONE_QUERY = '(max-width: 767.98px)';

/** Phone-sized screen? */
export function useIsMobile(): boolean {
  return useMediaQuery(PHONE_QUERY);
}

/** The user asked their system for less motion: antd's animations are switched off. */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
