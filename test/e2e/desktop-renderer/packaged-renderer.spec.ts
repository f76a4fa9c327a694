// The renderer as the packaged desktop app loads it: out/renderer/index.html from file://, its
// production CSP in force, over the IPC transport to a real engine. Electron cannot run here, so
// this is where the desktop window's page is shown to work: list, search, lazily loaded views,
// a note, live changes, and a hostile note that runs nothing.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY_META } from '../../../shared/content-security-policy';
import { hostileNoteStaysInert } from '../../support/hostile-note';
import { RENDERER_DIR } from '../../support/paths';
import { APP_PAGE, cspViolations, expect, test } from './fixtures';

const RENDERER_URL = pathToFileURL(RENDERER_DIR).href + '/';

/** The requests that went anywhere but the app's own folder (or were inline data: images). */
const foreign = (requests: string[]) => requests.filter((url) => !url.startsWith(RENDERER_URL) && !url.startsWith('data:'));

test('the built page runs from file:// under the production CSP, and inline script is refused', async ({ app, problems }) => {
  expect(app.url()).toBe(APP_PAGE);
  // The CSP the build wrote into index.html is the one shared/ defines (a meta tag is how it
  // reaches a file:// page: Electron's header hook only sees responses from a server).
  const meta = await app.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(CONTENT_SECURITY_POLICY_META);

  // It is enforced: a script element added at run time does not run, and the page says why.
  await app.evaluate(() => {
    const page = globalThis as unknown as { document: { createElement(tag: string): { textContent: string }; head: { append(node: unknown): void } } };
    const script = page.document.createElement('script');
    script.textContent = 'window.__inline = true';
    page.document.head.append(script);
  });
  await expect.poll(() => cspViolations(app)).toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
  expect(await app.evaluate(() => (globalThis as { __inline?: unknown }).__inline)).toBeUndefined();

  // The bridge is the only way to the engine, and it has the preload's shape.
  expect(await app.evaluate(() => Object.keys((globalThis as { fieldnotes?: object }).fieldnotes ?? {}).sort())).toEqual(['invoke', 'subscribe']);
  expect(problems.filter((problem) => !problem.includes("Content Security Policy"))).toEqual([]);
});

test('a frame in the page loads nothing, and calls from a frame are refused', async ({ app, bridge, requests }) => {
  await app.evaluate((page) => {
    const scope = globalThis as unknown as { document: { createElement(tag: string): { src: string }; body: { append(...nodes: unknown[]): void } } };
    const elsewhere = scope.document.createElement('iframe');
    elsewhere.src = 'https://evil.invalid/frame';
    const itself = scope.document.createElement('iframe');
    itself.src = page;
    scope.document.body.append(elsewhere, itself);
  }, APP_PAGE);
  // (Chromium reports a blocked frame by its origin only, `file` for a file.)
  await expect.poll(async () => (await cspViolations(app)).sort()).toEqual(['frame-src file', 'frame-src https://evil.invalid']);
  expect(foreign(requests)).toEqual([]);

  // An empty frame the page makes itself is the only kind there can be; the bridge's sender check
  // (security-policy.ts, as in ipc.ts) refuses it as it refuses any subframe.
  await app.evaluate(() => {
    const scope = globalThis as unknown as { document: { createElement(tag: string): unknown; body: { append(node: unknown): void } } };
    scope.document.body.append(scope.document.createElement('iframe'));
  });
  const blankFrame = () => app.frames().find((frame) => frame !== app.mainFrame() && frame.url() === 'about:blank');
  await expect.poll(() => blankFrame() !== undefined).toBe(true);
  const answer = await blankFrame()!.evaluate(() => (globalThis as unknown as { __fieldnotesInvoke(method: string, input: unknown): Promise<unknown> }).__fieldnotesInvoke('app.info', {}));
  expect(answer).toMatchObject({ ok: false, error: { message: 'Calls are only accepted from the Fieldnotes window.' } });
  expect(bridge.refusedCalls).toEqual(['about:blank']);
});

test('lists, searches and opens notes, loads the lazy views from file://, and shows a note written meanwhile', async ({ app, notebook, problems, bridge, requests }) => {
  const notes = app.getByRole('listbox', { name: 'All notes' });
  await expect(notes.getByRole('option', { name: /How does ky turn a call into a fetch request/ })).toBeVisible();
  await expect(notes.getByRole('option', { name: /In what order do Vite plugin hooks run/ })).toBeVisible();

  // Search runs in the engine's worker and comes back over the bridge.
  await app.keyboard.press('Control+K');
  await app.keyboard.type('fetch');
  const results = app.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').locator('mark').first()).toHaveText('fetch');
  await results.getByRole('option').click();
  await expect(app.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('How does ky turn a call into a fetch request?');
  await app.keyboard.press('Escape');

  // Tasks and Settings are separate chunks, loaded on first use from beside index.html.
  await app.getByRole('navigation').getByRole('button', { name: /^Tasks/ }).click();
  await expect(app.getByRole('region', { name: 'Tasks' })).toContainText('Running tasks show here with their live output');
  await app.getByRole('navigation').getByRole('button', { name: /^Settings/ }).click();
  await expect(app.getByRole('main', { name: 'Settings' }).getByRole('heading', { level: 1 })).toHaveText('Settings');
  for (const view of ['TasksView', 'SettingsView']) {
    expect(requests.some((url) => url.startsWith(`${RENDERER_URL}assets/${view}-`) && url.endsWith('.js')), view).toBe(true);
  }
  expect(foreign(requests)).toEqual([]);

  // A note written by another program arrives as a push event (notes.changed) through subscribe.
  await writeFile(
    join(notebook, 'ky', '2026-12-01-written-meanwhile.md'),
    '---\nid: 01JF00000000000000000NEW01\ntitle: Written while the window was open\ncreated: 2026-12-01T10:00:00.000Z\n---\nHello.\n',
  );
  await app.getByRole('navigation').getByRole('button', { name: /^All notes/ }).click();
  await expect(app.getByRole('listbox', { name: 'All notes' }).getByRole('option', { name: /Written while the window was open/ })).toBeVisible();

  expect(bridge.refusedCalls).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe('a hostile note', () => {
  test.use({ notebookFixture: 'hostile' });

  test('runs no script, loads nothing from outside the app, and the window stays on its page', async ({ app, problems, requests }) => {
    await hostileNoteStaysInert(app);
    // Nothing was fetched from anywhere but the app's own folder.
    expect(foreign(requests)).toEqual([]);
    // The sanitizer parses the note in an inert document that inherits the page's CSP, so Chromium
    // also reports the note's handlers, styles and <base> as blocked: the production CSP stands
    // behind DOMPurify. Nothing else went wrong but the note's own broken relative image.
    expect(await cspViolations(app)).toEqual(expect.arrayContaining(['script-src-attr inline', 'base-uri http://evil.invalid/']));
    const blocked = /violates the following Content Security Policy directive.*The action has been blocked\.$/;
    const brokenImage = [`failed to load ${RENDERER_URL}x: net::ERR_FILE_NOT_FOUND`, 'console: Failed to load resource: net::ERR_FILE_NOT_FOUND'];
    expect(problems.filter((problem) => !blocked.test(problem) && !brokenImage.includes(problem))).toEqual([]);
  });
});
