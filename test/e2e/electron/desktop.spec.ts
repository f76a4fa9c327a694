// The desktop app itself, through Playwright's Electron driver. These run wherever Electron's
// binary is installed; elsewhere they report themselves skipped with the reason.
import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { NO_ELECTRON_REASON, electronBinary } from '../../support/electron-binary';
import { ROOT, fixtureNotebook } from '../../support/paths';
import { copyNotebook, removeDir, tempDir } from '../../support/temp';

const binary = electronBinary();
test.skip(binary === null, NO_ELECTRON_REASON);

async function launch(notebook: string, home: string) {
  return electron.launch({
    executablePath: binary!,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), join(ROOT, 'out', 'main', 'index.js'), '--notebook', notebook],
    env: { ...process.env, FIELDNOTES_HOME: home },
  });
}

test('opens a window that lists the notebook’s notes over IPC', async () => {
  const notebook = await copyNotebook(fixtureNotebook('basic'));
  const home = await tempDir();
  const app = await launch(notebook, home);
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('option', { name: /How does ky turn a call/ })).toBeVisible();
    await expect(window.getByText('Desktop')).toBeVisible();
    // The renderer has no Node: the sandbox holds.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    // No Node in the page, and the preload's bridge offers only invoke and subscribe.
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as { fieldnotes?: object }).fieldnotes ?? {}).sort())).toEqual([
      'invoke',
      'subscribe',
    ]);
  } finally {
    await app.close();
    await removeDir(notebook);
    await removeDir(home);
  }
});

test('copies a note as context with Electron’s clipboard, the text never crossing IPC', async () => {
  const notebook = await copyNotebook(fixtureNotebook('basic'));
  const home = await tempDir();
  const app = await launch(notebook, home);
  try {
    const window = await app.firstWindow();
    await window.getByRole('option', { name: /How does ky turn a call/ }).click();
    await window.getByRole('article').getByRole('button', { name: /Copy as context/ }).click();
    await expect(window.getByRole('status', { name: 'Notifications' })).toContainText(/Copied 1 note as XML context · [\d,.]+ tokens/);
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(copied).toMatch(/^<documents>\n<document index="1">\n<source>ky\/2026-11-28-how-does-request-routing-work\.md<\/source>/);
  } finally {
    await app.close();
    await removeDir(notebook);
    await removeDir(home);
  }
});

test('keeps links from leaving the app window', async () => {
  const notebook = await copyNotebook(fixtureNotebook('basic'));
  const home = await tempDir();
  const app = await launch(notebook, home);
  try {
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    await removeDir(notebook);
    await removeDir(home);
  }
});

test('remembers the window size between launches', async () => {
  const notebook = await copyNotebook(fixtureNotebook('basic'));
  const home = await tempDir();
  try {
    const first = await launch(notebook, home);
    await first.firstWindow();
    await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.setBounds({ width: 1000, height: 700 }));
    await first.close();
    const second = await launch(notebook, home);
    await second.firstWindow();
    const bounds = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    expect(bounds).toMatchObject({ width: 1000, height: 700 });
    await second.close();
  } finally {
    await removeDir(notebook);
    await removeDir(home);
  }
});
