import { rmSync } from 'node:fs';

/** Each run writes a fresh set of page screenshots (test-artifacts/screenshots/<project>/). */
export default function globalSetup() {
  rmSync('test-artifacts/screenshots', { recursive: true, force: true });
}
