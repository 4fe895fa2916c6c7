import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The conventions of frontend/src, checked on every test run. */
const root = __dirname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/gm)].map((match) =>
    relative(root, resolve(dirname(file), match[1])),
  );
}

describe('frontend conventions', () => {
  it('has no imports across features', () => {
    const crossings: string[] = [];
    for (const file of files(join(root, 'features'))) {
      const feature = relative(root, file).split('/')[1];
      for (const target of imports(file)) {
        const [top, other] = target.split('/');
        if (top === 'features' && other !== feature) crossings.push(`${relative(root, file)} -> ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('calls fetch only in the API client', () => {
    const callers = files(root)
      .filter((file) => !/\.test\.tsx?$/.test(file) && !file.includes('/test/'))
      .filter((file) => /\bfetch\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(callers).toEqual(['api/client.ts']);
  });

  it('never puts tokens in web storage', () => {
    const offenders = files(root)
      .filter((file) => !/\.test\.tsx?$/.test(file))
      .filter((file) => /(localStorage|sessionStorage)\.setItem\((?!LANGUAGE_STORAGE_KEY)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
