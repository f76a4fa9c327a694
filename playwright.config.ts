import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (Playwright's own browsers cannot be downloaded here).
const chromiumPath = process.env.FIELDNOTES_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // On CI's shared machines, a test that fails once runs once more; `npm test` names every test
  // that needed it ("flaky"), so a flake is seen and fixed, not hidden. Locally: no second chance.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.FIELDNOTES_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.FIELDNOTES_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e/web',
      use: chromium,
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
    // The built renderer as the desktop window loads it (file://), where Electron cannot run.
    // Electron lets a file:// page load the files beside it (its GrantFileProtocolExtraPrivileges
    // fuse, on unless flipped at packaging); plain Chromium does so with this switch.
    {
      name: 'desktop-renderer',
      testDir: 'test/e2e/desktop-renderer',
      use: { ...chromium, launchOptions: { ...chromium.launchOptions, args: [...chromium.launchOptions.args, '--allow-file-access-from-files'] } },
    },
    // Pictures to look at, not tests: only when asked for (FIELDNOTES_SCREENSHOTS=1).
    ...(process.env.FIELDNOTES_SCREENSHOTS ? [{ name: 'screenshots', testDir: 'test/screenshots', use: chromium }] : []),
  ],
});
