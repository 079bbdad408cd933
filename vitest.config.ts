import { defineConfig } from 'vitest/config';

/**
 * Three projects, one command (`npm test`):
 *  - unit: `*.test.ts` beside the code, no I/O;
 *  - integration: `*.int.test.ts`, against the real Redis at REDIS_URL, each test under its own key prefix;
 *  - e2e: `e2e/**`, real processes spoken to over HTTP and WebSocket.
 */
const ignore = ['**/node_modules/**', '**/.data/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{packages,subgraphs,gateway,rest-adapters,scripts,web}/**/*.test.ts'],
          exclude: [...ignore, '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{packages,subgraphs,gateway,rest-adapters,scripts}/**/*.int.test.ts'],
          exclude: ignore,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          exclude: ignore,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // The web app's production build, once, before any stack starts (a no-op when it is up to date).
          globalSetup: ['e2e/support/web-build.ts'],
          // End-to-end suites start real processes on fixed ports; run the files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
