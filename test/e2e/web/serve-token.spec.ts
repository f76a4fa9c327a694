// The browser mode's key stays in the tab that opened the printed address: no cookie carries it to
// the other servers on 127.0.0.1, a reload keeps working, and a tab without it is told how to get in.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, openApp, test } from './fixtures';

/** Another local server (a dev server, a tool an agent started) that records what browsers send it. */
async function neighbour(): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' });
    res.end('<!doctype html><title>Neighbour</title><p>another local server</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen, server };
}

test('a server on another local port gets no token from the browser, by cookie or otherwise', async ({ app, server }) => {
  const token = new URL(server.url).searchParams.get('token')!;
  const other = await neighbour();
  try {
    // A navigation in the same browser, and that page's own script calling its server. (The
    // Fieldnotes tab itself cannot reach other servers: its CSP allows only its own origin.)
    const tab = await app.context().newPage();
    await tab.goto(other.url);
    await expect(tab.getByText('another local server')).toBeVisible();
    await tab.evaluate(() => fetch('/probe', { credentials: 'include' }).then((r) => r.text()));
    expect(other.seen.length).toBeGreaterThanOrEqual(2);
    for (const headers of other.seen) {
      expect(headers.cookie).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain(token);
    }
    expect(await app.context().cookies()).toEqual([]);
  } finally {
    await new Promise((done) => other.server.close(done));
  }
});

test('the address bar loses the token and keeps the route; a reload still works', async ({ page, server }) => {
  await openApp(page, `${server.url}#/settings`);
  expect(page.url()).toBe(`${server.origin}/#/settings`);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Notebook' }).getByText('Browser mode', { exact: true })).toBeVisible();
  await page.goto(`${server.origin}/#/notes`);
  await expect(page.getByRole('listbox', { name: 'All notes' }).getByRole('option').first()).toBeVisible();
});

test('a new tab without the token gets a page that says how to get in, and asks for no notes', async ({ app, server }) => {
  const tab = await app.context().newPage();
  const api: string[] = [];
  tab.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) api.push(request.url());
  });
  await tab.goto(`${server.origin}/#/notes`);
  await expect(tab.getByRole('heading', { name: 'This tab has no access to Fieldnotes' })).toBeVisible();
  await expect(tab.getByText(/^Open the address that fieldnotes serve printed when it started/)).toBeVisible();
  expect(new URL(tab.url()).pathname).toBe('/no-access');
  await expect(tab.getByRole('listbox', { name: 'All notes' })).toHaveCount(0);
  expect(api).toEqual([]);
  // The tab that opened the printed address is still signed in.
  await app.reload();
  await expect(app.getByRole('listbox', { name: 'All notes' }).getByRole('option').first()).toBeVisible();
});

test('a tab holding a token the server no longer accepts (a new launch) is sent to the same page', async ({ app }) => {
  // The test runs in Node, where the page's sessionStorage has no type.
  type Tab = { sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } };
  await app.evaluate(() => (globalThis as unknown as Tab).sessionStorage.setItem('fieldnotes.token', 'from-an-earlier-launch-of-serve'));
  await app.reload();
  await expect(app.getByRole('heading', { name: 'This tab has no access to Fieldnotes' })).toBeVisible();
  expect(await app.evaluate(() => (globalThis as unknown as Tab).sessionStorage.getItem('fieldnotes.token'))).toBeNull();
});
