import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

type Messages = { [key: string]: string | Messages };

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** i18next plural keys: `count_one` / `count_other` answer for `count`. */
function normalise(key: string) {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

describe('message files', () => {
  it('have the same keys in zh-CN and en-US', () => {
    expect(keys(zhCN).sort()).toEqual(keys(enUS).sort());
  });

  it('have no empty messages', () => {
    for (const messages of [zhCN, enUS]) {
      const empty = keys(messages).filter((key) =>
        key.split('.').reduce<unknown>((node, part) => (node as Messages)[part], messages) === '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('have every key the code asks for', () => {
    const known = new Set(keys(enUS).map(normalise));
    const root = join(__dirname, '..');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!known.has(match[1])) missing.push(`${file.slice(root.length + 1)}: ${match[1]}`);
      }
      // Keys built from a value (`leads.statuses.${status}`): the prefix must exist.
      for (const match of source.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\.\$\{/g)) {
        if (![...known].some((key) => key.startsWith(`${match[1]}.`))) {
          missing.push(`${file.slice(root.length + 1)}: ${match[1]}.*`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('translate every lead status, source and follow-up kind', async () => {
    const { LEAD_STATUSES, LEAD_SOURCES, FOLLOW_UP_KINDS, LEAD_SORTS } = await import(
      '../features/leads/lead-options'
    );
    for (const messages of [zhCN, enUS]) {
      expect(Object.keys(messages.leads.statuses).sort()).toEqual([...LEAD_STATUSES].sort());
      expect(Object.keys(messages.leads.sources).sort()).toEqual([...LEAD_SOURCES].sort());
      expect(Object.keys(messages.followUps.kinds).sort()).toEqual([...FOLLOW_UP_KINDS].sort());
      for (const sort of LEAD_SORTS) expect(messages.leads.sort).toHaveProperty([sort]);
    }
  });
});
