import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev` proxies /api to the Flask app (override with API_URL=http://host:port).
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiUrl, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is split by Rollup along the lazy pages (the login page does not load the table or
    // the date pickers); React and the router change rarely, so they get a long-lived chunk.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        manualChunks(id) {
          return /node_modules\/(react|react-dom|scheduler|react-router)\//.test(id) ? 'react' : undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
