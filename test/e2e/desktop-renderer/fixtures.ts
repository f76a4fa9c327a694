// Playwright fixtures for the renderer as the desktop app loads it: the built index.html opened
// from file:// in Chromium, its production CSP in force, talking over the IPC transport to a real
// engine (createApi) in the test process on a temp copy of a fixture notebook.
import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApi, type Engine } from '../../../electron/core/api';
import { appUrlMatcher } from '../../../electron/main/security-policy';
import { RENDERER_DIR, fixtureNotebook } from '../../support/paths';
import { copyNotebook, removeDir, tempDir } from '../../support/temp';
import { bridgeToEngine } from './ipc-bridge';

/** The page the packaged app's window loads (window.ts: loadFile of out/renderer/index.html). */
export const APP_FILE = join(RENDERER_DIR, 'index.html');
export const APP_PAGE = pathToFileURL(APP_FILE).href;

interface Fixtures {
  /** Which fixture notebook to start from. */
  notebookFixture: string;
  notebook: string;
  engine: Engine;
  /** What went wrong in the page: console errors, uncaught exceptions, CSP violations, failed loads. */
  problems: string[];
  /** Every URL the page asked for, from the first. */
  requests: string[];
  /** The preload's bridge to the engine; `refusedCalls` lists the frame URLs it turned away. */
  bridge: { refusedCalls: string[] };
  app: Page;
}

export const test = base.extend<Fixtures>({
  notebookFixture: ['basic', { option: true }],
  notebook: async ({ notebookFixture }, use) => {
    const dir = await copyNotebook(fixtureNotebook(notebookFixture));
    await use(dir);
    await removeDir(dir);
  },
  engine: async ({ notebook }, use) => {
    const home = await tempDir('fieldnotes-home-');
    const engine = await createApi({
      app: { name: 'Fieldnotes', version: 'test' },
      transport: 'ipc',
      notebook,
      defaultNotebook: notebook,
      settingsFile: join(home, 'settings.json'),
      userDataDir: home,
      log: () => undefined,
    });
    await use(engine);
    await engine.close();
    await removeDir(home);
  },
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed to load ${request.url()}: ${request.failure()?.errorText}`));
    await use(problems);
  },
  requests: async ({ page }, use) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await use(requests);
  },
  bridge: async ({ page, engine, problems }, use) => {
    const refusedCalls: string[] = [];
    const stop = await bridgeToEngine(page, {
      engine,
      isAppUrl: appUrlMatcher({ file: APP_FILE }),
      refused: refusedCalls,
      logError: (method, error) => problems.push(`${method} failed: ${String(error)}`),
    });
    await use({ refusedCalls });
    stop();
  },
  app: async ({ page, bridge: _bridge, requests: _requests }, use) => {
    await page.addInitScript(() => {
      // CSP violations are reported to the page as events; keep them for the test to read.
      const scope = globalThis as unknown as { __cspViolations: string[]; addEventListener: (type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void) => void };
      scope.__cspViolations = [];
      scope.addEventListener('securitypolicyviolation', (event) => scope.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await openApp(page);
    await use(page);
  },
});

/** Loads the built page and waits until the engine answered over the bridge ("Desktop" in the footer). */
export async function openApp(page: Page): Promise<void> {
  await page.goto(APP_PAGE);
  await expect(page.getByRole('navigation', { name: 'Notebook' }).getByText('Desktop', { exact: true })).toBeVisible();
}

/** The CSP violations the page reported so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations);
}

export { expect } from '@playwright/test';
