// Screenshots of every view of the basic notebook to look at (not a test of behaviour), in light
// and dark, at 1440×900 and 900×600:
//   FIELDNOTES_SCREENSHOTS=1 npx playwright test --project screenshots   →   test-results/screenshots/
import { join } from 'node:path';
import { expect, test } from '../e2e/web/fixtures';

const OUT = join('test-results', 'screenshots');
const SIZES = [{ width: 1440, height: 900 }, { width: 900, height: 600 }];

test('every view, in light and dark, wide and small', async ({ browser, server }) => {
  test.setTimeout(180_000);
  for (const viewport of SIZES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      const shot = (name: string) => page.screenshot({ path: join(OUT, `views-${name}-${viewport.width}-${colorScheme}.png`) });
      await page.goto(server.url);
      await page.getByRole('option', { name: /How does ky turn a call/ }).click();
      await page.waitForTimeout(600);
      await shot('note');
      const more = page.getByRole('article').getByRole('button', { name: 'More' });
      if (await more.isVisible()) {
        await more.click();
        await shot('note-menu');
        await page.keyboard.press('Escape');
      }
      await page.getByPlaceholder('Search notes').fill('retry');
      await page.waitForTimeout(800);
      await shot('search');
      await page.getByPlaceholder('Search notes').fill('');
      await page.keyboard.press('ControlOrMeta+Shift+P');
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox')).toBeFocused();
      await page.keyboard.type('dark');
      await page.waitForTimeout(300);
      await shot('palette');
      await page.keyboard.press('Escape');
      await page.goto(`${server.url}#/tasks`);
      await page.waitForTimeout(600);
      await shot('tasks');
      await page.goto(`${server.url}#/settings`);
      await page.waitForTimeout(600);
      await shot('settings');
      await context.close();
    }
  }
});
