import { defineConfig } from 'vitest/config';

// Browser end-to-end tests against a running system (TAVOLA_BASE_URL, TAVOLA_DEMO_JSON); run one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
