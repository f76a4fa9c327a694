// "Copy as context" in the browser: choosing notes in the list, copying them to the real
// clipboard, and the dialog shown when the browser refuses to write it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { expect, test } from './fixtures';

const ROUTING = /How does ky turn a call/;
const RETRIES = /Why do retries stop/;
const VITE = /In what order do Vite plugin hooks run/;
/** The page's clipboard, typed here without the DOM library (tests compile for Node). */
type PageGlobals = { navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } } };

const ROUTING_ID = '01JDZ8Q6X7M3N4P5R6S7T8V9W0';
const RETRIES_ID = '01JDX2M4K8N1P3Q5R7S9T2V4W6';

/** What `fieldnotes context` prints for these notes: the bundle the app must copy. */
async function cliBundle(notebook: string, ...ids: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--notebook', notebook, 'context', ...ids], {
    env: { ...process.env, FIELDNOTES_HOME: await tempDir() },
  });
  return stdout;
}

test('notes chosen with Ctrl-click are copied to the clipboard as one xml bundle, in list order', async ({ app, server, notebook }) => {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const list = app.getByRole('listbox', { name: 'All notes' });
  // Chosen bottom-up: the bundle still follows the list.
  await list.getByRole('option', { name: RETRIES }).click({ modifiers: ['ControlOrMeta'] });
  await list.getByRole('option', { name: ROUTING }).click({ modifiers: ['ControlOrMeta'] });

  const bar = app.getByRole('region', { name: 'Selected notes' });
  await expect(bar).toContainText('2 notes selected');
  await expect(bar).toContainText(/≈ [\d.]+k? of 200k tokens/);
  // The failed note is flagged before anything is copied.
  await expect(bar.getByRole('list', { name: 'Warnings' })).toContainText(/Failed\s*Why do retries stop/);

  await bar.getByRole('button', { name: 'Copy 2 notes as context' }).click();
  await expect(app.getByRole('status', { name: 'Notifications' })).toContainText(/Copied 2 notes as XML context · [\d,]+ tokens/);
  const copied = await app.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
  expect(copied).toBe(await cliBundle(notebook, ROUTING_ID, RETRIES_ID));
  expect([...copied.matchAll(/<document index="(\d)">\n<source>([^<]+)<\/source>/g)].map((match) => [match[1], match[2]])).toEqual([
    ['1', 'ky/2026-11-28-how-does-request-routing-work.md'],
    ['2', 'ky/2026-11-27-why-do-retries-stop.md'],
  ]);

  // Shift-click selects a range; Escape clears.
  await list.getByRole('option', { name: VITE }).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('3 notes selected');
  await app.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
});

test('search results can be chosen too, with a checkbox or Ctrl-click, and are copied in rank order', async ({ app, server, notebook }) => {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await app.keyboard.press('ControlOrMeta+K');
  await expect(app.getByRole('combobox', { name: 'Search notes' })).toBeFocused();
  await app.keyboard.type('ky retries');
  const results = app.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option', { name: RETRIES })).toBeVisible();
  await expect(results.getByRole('option', { name: ROUTING })).toBeVisible();

  await results.getByRole('option', { name: ROUTING }).hover();
  await results.getByRole('checkbox', { name: /Select “How does ky turn a call/ }).click();
  await results.getByRole('option', { name: RETRIES }).click({ modifiers: ['ControlOrMeta'] });
  const bar = app.getByRole('region', { name: 'Selected notes' });
  await expect(bar).toContainText('2 notes selected');
  // Nothing was opened by choosing.
  await expect(app.getByRole('article')).toHaveCount(0);

  await app.keyboard.press('ControlOrMeta+Shift+C');
  await expect(app.getByRole('status', { name: 'Notifications' })).toContainText(/Copied 2 notes as XML context/);
  const ranked = await results.getByRole('option').evaluateAll((options) => options.map((option) => option.getAttribute('data-note-id')));
  const expected = ranked.filter((id): id is string => id === ROUTING_ID || id === RETRIES_ID);
  const copied = await app.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
  expect(copied).toBe(await cliBundle(notebook, ...expected));

  // A plain click still opens the note, and the choice stays.
  await results.getByRole('option', { name: RETRIES }).click();
  await expect(app.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(RETRIES);
  await expect(bar).toContainText('2 notes selected');
});

test('when the browser refuses the clipboard, the bundle is shown selected to copy by hand', async ({ app }) => {
  await app.addInitScript(() => {
    (globalThis as unknown as PageGlobals).navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await app.getByRole('option', { name: RETRIES }).click();
  const note = app.getByRole('article');
  await expect(note.getByRole('button', { name: /Copy as context · \d+ tokens/ })).toBeVisible();
  // The chosen format is remembered across a reload.
  await note.getByRole('combobox', { name: 'Context format' }).selectOption('markdown');
  await app.reload();
  await expect(app.getByRole('article').getByRole('combobox', { name: 'Context format' })).toHaveValue('markdown');

  await app.keyboard.press('ControlOrMeta+Shift+C');
  const dialog = app.getByRole('dialog', { name: 'Copy the context yourself' });
  await expect(dialog).toContainText('Write permission denied');
  const box = dialog.getByRole('textbox', { name: 'Context to copy' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(/^## Why do retries stop after a 413\?\n[\s\S]*> \*\*Warning: the task behind this note failed/);
  expect(await box.evaluate((element: { selectionStart: number; selectionEnd: number; value: string }) => element.selectionEnd - element.selectionStart === element.value.length)).toBe(true);
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a bundle over the target’s context window (set in Settings) is flagged, and can be copied trimmed to fit', async ({ app, server }) => {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  // Claude Code (the default agent) gets a small window: the three ky/vite notes do not fit.
  await app.getByRole('button', { name: 'Settings' }).click();
  const windows = app.getByRole('region', { name: 'Context windows' });
  const field = windows.getByRole('spinbutton', { name: 'Claude Code' });
  await expect(field).toHaveValue('200000');
  await field.fill('400');
  await field.press('Enter');
  await expect(windows.getByRole('status')).toHaveText('Saved');
  await app.getByRole('navigation', { name: 'Notebook' }).getByRole('button', { name: /^All notes/ }).click();

  const list = app.getByRole('listbox', { name: 'All notes' });
  await list.getByRole('option', { name: ROUTING }).click({ modifiers: ['ControlOrMeta'] });
  await list.getByRole('option', { name: RETRIES }).click({ modifiers: ['ControlOrMeta'] });
  await list.getByRole('option', { name: VITE }).click({ modifiers: ['ControlOrMeta'] });
  const bar = app.getByRole('region', { name: 'Selected notes' });
  await expect(bar).toContainText(/≈ \d+ of 400 tokens/);
  await expect(bar.getByRole('status')).toContainText(/tokens is over Claude Code’s 400 window by \d+\./);

  const toasts = app.getByRole('status', { name: 'Notifications' });
  await bar.getByRole('button', { name: 'Copy what fits' }).click();
  await expect(toasts).toContainText(/Copied \d notes? as XML context · [\d,]+ tokens · \d left out, to fit 400/);
  const fitted = await app.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
  expect(fitted.match(/<document index=/g)!.length).toBeLessThan(3);

  await bar.getByRole('button', { name: 'Copy with summaries' }).click();
  await expect(toasts).toContainText(/as summary, to fit 400/);
  const summarized = await app.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
  expect(summarized).toContain('Summary and citations only');
});
