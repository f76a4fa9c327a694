// A note written to attack the reader renders inert: no script runs, nothing loads from another
// host, no dialog opens, and the page does not navigate away.
import { expect, test } from './fixtures';

test.use({ notebookFixture: 'hostile' });

test('a hostile note runs no script, loads nothing from elsewhere, and stays on the page', async ({ app, server }) => {
  const foreign: string[] = [];
  const dialogs: string[] = [];
  app.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.host !== new URL(server.origin).host) foreign.push(request.url());
  });
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await app.getByRole('option', { name: /A hostile note/ }).click();
  const note = app.getByRole('article');
  await expect(note.getByRole('heading', { name: 'Hostile content' })).toBeVisible();
  await expect(note.getByText('The last line before the mutation-XSS attempt is still here.')).toBeVisible();
  const pageUrl = app.url();

  // Everything dangerous is gone from the rendered note.
  const body = note.locator('.markdown');
  await expect(body.locator('script, iframe, style, form, input, object, embed, meta, base, link, svg, math')).toHaveCount(0);
  const leftovers = await body.evaluate((root) => {
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const value = attribute.value.trim().toLowerCase();
        if (attribute.name.startsWith('on') || attribute.name === 'style' || attribute.name === 'srcdoc' || /^(javascript|vbscript|data):/.test(value)) {
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      const src = element.getAttribute('src');
      if (src && /^(https?:)?\/\//.test(src)) found.push(`${element.tagName} src=${src}`);
    }
    return found;
  });
  expect(leftovers).toEqual([]);

  // Clicking what is left of the links and the details toggle runs nothing either.
  for (const name of ['a javascript: link', 'a raw javascript: link', 'a data: link', 'a vbscript: link']) {
    await note.getByText(name).click();
  }
  await note.getByText('details', { exact: true }).click();
  await app.waitForLoadState('load');

  expect(await app.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(app.url()).toBe(pageUrl);
  // The hostile <style> did not hide or restyle the app.
  await expect(body).toBeVisible();
  const backgroundImage = await app.evaluate(() => {
    const page = globalThis as unknown as { getComputedStyle(element: unknown): { backgroundImage: string }; document: { body: unknown } };
    return page.getComputedStyle(page.document.body).backgroundImage;
  });
  expect(backgroundImage).toBe('none');
});
