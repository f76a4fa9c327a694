import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/support/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The CLI runs from its sources here: a test that builds (npm start) rewrites out/main while
    // others run, and the bundle is checked on its own (cli-built.test.ts) and by the e2e suite.
    env: { FIELDNOTES_CLI_FROM_SOURCE: '1' },
  },
});
