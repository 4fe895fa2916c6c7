#!/usr/bin/env node
// Generates the SPA's API types from the running backend's OpenAPI document.
//
//   node frontend/scripts/api-types.mjs write   # regenerate frontend/src/api/schema.d.ts
//   node frontend/scripts/api-types.mjs check   # fail when the committed file is out of date
//
// The backend URL comes from API_URL (default http://127.0.0.1:8000); the backend must be running.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const committed = join(root, 'frontend/src/api/schema.d.ts');
const apiUrl = (process.env.API_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');
const documentUrl = `${apiUrl}/api/openapi.json`;
const mode = process.argv[2];

if (mode !== 'write' && mode !== 'check') {
  console.error('usage: api-types.mjs write|check   (backend URL from API_URL)');
  process.exit(2);
}

async function fetchDocument() {
  try {
    const response = await fetch(documentUrl, { signal: AbortSignal.timeout(15000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return JSON.stringify(await response.json());
  } catch (error) {
    console.error(
      `\n✖ Cannot read the OpenAPI document at ${documentUrl} (${error.message}).\n` +
        '  Start the backend first (e.g. `make run`), or point API_URL at a running one:\n' +
        '  API_URL=http://127.0.0.1:8011 npm run check:api\n',
    );
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'crm-api-types-'));
try {
  const documentFile = join(work, 'openapi.json');
  writeFileSync(documentFile, await fetchDocument());
  const generated = join(work, 'schema.d.ts');
  const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');
  const result = spawnSync(process.execPath, [cli, documentFile, '--output', generated], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    console.error('✖ openapi-typescript failed on the document above.');
    process.exit(1);
  }

  if (mode === 'write') {
    copyFileSync(generated, committed);
    console.log(`✔ Wrote ${relative(root, committed)} from ${documentUrl}`);
    process.exit(0);
  }

  const fresh = readFileSync(generated, 'utf8');
  const current = existsSync(committed) ? readFileSync(committed, 'utf8') : '';
  if (fresh === current) {
    console.log(`✔ ${relative(root, committed)} matches ${documentUrl}`);
    process.exit(0);
  }
  const diff = spawnSync('diff', ['-u', committed, generated], { encoding: 'utf8' });
  const lines = (diff.stdout || '').split('\n');
  console.error(lines.slice(0, 80).join('\n'));
  if (lines.length > 80) console.error(`… ${lines.length - 80} more diff lines`);
  console.error(
    `\n✖ The API types in ${relative(root, committed)} differ from the backend's OpenAPI document\n` +
      `  at ${documentUrl} (diff above: - committed, + backend).\n` +
      '  The backend API changed: regenerate with `API_URL=<backend> npm run gen:api`,\n' +
      '  fix what `npm run build` then reports, and commit the new schema.d.ts.\n',
  );
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
