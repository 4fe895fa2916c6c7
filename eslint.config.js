// ESLint for the SPA (frontend/) and its browser tests (tests/e2e/): `npm run lint`, run by `make lint`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const src = join(root, 'frontend/src');
const features = readdirSync(join(src, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The frontend conventions (CONVENTIONS.md, "Frontend"), which frontend/src/architecture.test.ts
// checked with regexes before. A feature imports shared code (api/, components/, lib/, i18n/) and itself, never another feature:
// what two features share moves to components/ or lib/. Shared code imports no feature (its tests may).
const featureZones = features.map((feature) => ({
  target: join(src, 'features', feature),
  from: join(src, 'features'),
  except: [`./${feature}`],
  message: 'No imports across features: move what both need to components/ or lib/.',
}));
const sharedZone = {
  target: ['api', 'components', 'lib', 'i18n'].map((dir) => join(src, dir)),
  from: join(src, 'features'),
  message: 'Shared code imports no feature.',
};

const boundaries = {
  'import-x/no-restricted-paths': ['error', { zones: [...featureZones, sharedZone] }],
  // Only the API client (api/client.ts) talks to the network with fetch.
  'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the API through api/client.ts.' }],
  'no-restricted-properties': ['error', ...['globalThis', 'window', 'self'].map((object) => ({
    object,
    property: 'fetch',
    message: 'Call the API through api/client.ts.',
  }))],
  // Tokens stay in memory (the refresh token is an HttpOnly cookie): web storage keeps the language only.
  'no-restricted-syntax': [
    'error',
    ...['localStorage', 'sessionStorage'].flatMap((storage) => [
      `CallExpression[callee.object.name='${storage}'][callee.property.name='setItem']`,
      `CallExpression[callee.object.property.name='${storage}'][callee.property.name='setItem']`,
    ]).map((selector) => ({
      selector: `${selector}:not([arguments.0.name='LANGUAGE_STORAGE_KEY'])`,
      message: 'Web storage keeps the language choice only (never tokens).',
    })),
  ],
};

export default defineConfig(
  globalIgnores(['frontend/dist/', 'test-artifacts/', '.venv/', 'frontend/src/api/schema.d.ts']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['frontend/tsconfig.json', 'tests/e2e/tsconfig.json'],
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    plugins: { 'import-x': importX },
    languageOptions: { globals: globals.browser },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: boundaries,
  },
  {
    // The API client is where fetch is called.
    files: ['frontend/src/api/client.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    // Tests stub the network and web storage freely.
    files: ['frontend/src/test/**', 'frontend/src/**/*.test.{ts,tsx}'],
    rules: {
      // `await act(async () => ...)` is React's way to flush what a callback starts, awaited or not.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-restricted-paths': ['error', { zones: featureZones }],
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['frontend/vite.config.ts', 'tests/e2e/**/*.ts', 'playwright.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright reads a fixture's first parameter, which must be a destructuring pattern: `async ({}, use) =>`.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
