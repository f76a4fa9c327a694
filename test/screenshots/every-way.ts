// How the screenshot specs take their pictures: each look at a page runs on a fresh page at
// 1440×900 and 900×600, in light and dark, and its pictures land in test-results/screenshots/ as
// `<set>-<name>-<width>-<scheme>.png`.
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

export const SCREENSHOTS = join('test-results', 'screenshots');
export const SIZES = [{ width: 1440, height: 900 }, { width: 900, height: 600 }];

export type Shot = (name: string) => Promise<unknown>;

/** Runs `look` on a fresh page opened at `url`, at each size, in light and dark. */
export async function everyWay(browser: Browser, set: string, url: string, look: (page: Page, shot: Shot) => Promise<void>): Promise<void> {
  for (const viewport of SIZES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      try {
        await page.goto(url);
        await look(page, (name) => page.screenshot({ path: join(SCREENSHOTS, `${set}-${name}-${viewport.width}-${colorScheme}.png`) }));
      } finally {
        await context.close();
      }
    }
  }
}
