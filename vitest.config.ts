import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Three projects: pure-TS unit tests (engine, lessons, main with electron mocked),
// component tests of the Vue app in happy-dom, and end-to-end tests in Debian's Chromium.
export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/engine/**/*.test.ts', 'test/lessons/**/*.test.ts', 'test/main/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
