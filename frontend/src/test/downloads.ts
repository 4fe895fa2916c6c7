import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Files the app handed to the browser's downloads (saveBlob: an object URL on a clicked link):
 * jsdom has no object URLs and does not navigate, so each test of the calling file records them.
 */
export function recordDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let next = 0;
  beforeEach(() => {
    saved.length = 0;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:test/${next++}`;
      blobs.set(url, blob);
      return url;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) saved.push({ name: this.download, blob });
    });
  });
  afterEach(() => {
    blobs.clear();
  });
  return saved;
}
