// A note written to attack the reader renders inert: no script runs, nothing loads from another
// host, no dialog opens, and the page does not navigate away.
import { hostileNoteStaysInert } from '../../support/hostile-note';
import { expect, test } from './fixtures';

test.use({ notebookFixture: 'hostile' });

test('a hostile note runs no script, loads nothing from elsewhere, and stays on the page', async ({ app, server }) => {
  const foreign: string[] = [];
  app.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.host !== new URL(server.origin).host) foreign.push(request.url());
  });

  await hostileNoteStaysInert(app);
  expect(foreign).toEqual([]);
  // The hostile <style> did not hide or restyle the app.
  const backgroundImage = await app.evaluate(() => {
    const page = globalThis as unknown as { getComputedStyle(element: unknown): { backgroundImage: string }; document: { body: unknown } };
    return page.getComputedStyle(page.document.body).backgroundImage;
  });
  expect(backgroundImage).toBe('none');
});
