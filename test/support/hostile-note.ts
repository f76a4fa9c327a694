// The checks every window that renders the hostile fixture note makes (the browser mode and the
// packaged renderer under file://): the note renders inert, and poking at it runs nothing.
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the hostile note, clicks what is left of its links, and checks nothing ran or moved. */
export async function hostileNoteStaysInert(app: Page): Promise<{ body: Locator }> {
  const dialogs: string[] = [];
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
  expect(app.url()).toBe(pageUrl);
  await expect(body).toBeVisible();
  return { body };
}
