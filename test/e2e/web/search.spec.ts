// Full-text search in the browser mode, over a real `fieldnotes serve` and its search worker.
import type { Page } from '@playwright/test';
import { writeNote } from '../../support/search-notes';
import { expect, test } from './fixtures';

const searchBox = (app: Page) => app.getByRole('combobox', { name: 'Search notes' });
const results = (app: Page) => app.getByRole('listbox', { name: 'Search results' });

test('Ctrl/Cmd-K focuses the search box, and results with highlighted words update as you type', async ({ app }) => {
  await expect(app.getByRole('listbox', { name: 'All notes' })).toBeVisible();
  await app.getByRole('option', { name: /How does ky turn a call/ }).click();
  await app.keyboard.press('Control+K');
  await expect(searchBox(app)).toBeFocused();

  await app.keyboard.type('fetch', { delay: 40 });
  await expect(results(app).getByRole('option')).toHaveCount(1);
  const routing = results(app).getByRole('option', { name: /How does ky turn a call into a fetch request/ });
  await expect(routing.locator('mark').first()).toHaveText('fetch');

  await app.keyboard.type(' plugins', { delay: 40 });
  await expect(results(app).getByRole('option')).toHaveCount(2);
  await expect(results(app).getByRole('option', { name: /In what order do Vite plugin hooks run/ }).locator('mark').first()).toHaveText('plugin');

  // Clearing the query brings the notes list back.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('listbox', { name: 'All notes' })).toBeVisible();
});

test('arrow keys move through the results and Enter opens one', async ({ app }) => {
  await app.keyboard.press('Control+K');
  await app.keyboard.type('hooks');
  const options = results(app).getByRole('option');
  await expect(options).toHaveCount(2);
  // The title match ranks first.
  await expect(options.first()).toContainText('In what order do Vite plugin hooks run?');
  await app.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('How does ky turn a call into a fetch request?');
});

test('filter chips narrow the results to a repo or an agent', async ({ app }) => {
  await app.keyboard.press('Control+K');
  await app.keyboard.type('hooks');
  await expect(results(app).getByRole('option')).toHaveCount(2);
  await app.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Repo' }).click();
  await app.getByRole('group', { name: 'Filter by repo' }).getByRole('button', { name: /^ky/ }).click();
  await expect(results(app).getByRole('option')).toHaveCount(1);
  await expect(results(app).getByRole('option')).toContainText('How does ky turn a call');
  await app.getByRole('button', { name: 'Remove the repo filter ky' }).click();
  await expect(results(app).getByRole('option')).toHaveCount(2);
  // Agents are offered by the names the app gives them.
  await app.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Agent' }).click();
  await app.getByRole('group', { name: 'Filter by agent' }).getByRole('button', { name: /^Gemini CLI/ }).click();
  await expect(results(app).getByRole('option')).toHaveCount(1);
  await expect(results(app).getByRole('option')).toContainText('vite · Gemini CLI');
  await app.getByRole('button', { name: 'Remove the agent filter Gemini CLI' }).click();
  await expect(results(app).getByRole('option')).toHaveCount(2);
});

test('finds code whole: a path with its highlight', async ({ app }) => {
  await app.keyboard.press('Control+K');
  await app.keyboard.type('source/core/Ky.ts');
  const first = results(app).getByRole('option').first();
  await expect(first).toContainText('How does ky turn a call into a fetch request?');
  await expect(first.locator('.search-result-snippet mark', { hasText: /^source\/core\/Ky\.ts$/ })).toBeVisible();
});

test('no results suggests what to try next, and a syntax mistake says what is wrong', async ({ app }) => {
  await app.keyboard.press('Control+K');
  await app.keyboard.type('plugnis');
  await expect(app.getByRole('heading', { name: 'No notes match' })).toBeVisible();
  await app.getByRole('button', { name: /Allow a typo: plugnis~2/ }).click();
  await expect(searchBox(app)).toHaveValue('plugnis~2');
  await expect(results(app).getByRole('option')).toContainText('In what order do Vite plugin hooks run?');

  await searchBox(app).fill('title: hooks');
  await expect(app.getByRole('note')).toHaveText('title: needs a word right after it, like title:router.');
  await expect(results(app).getByRole('option')).toHaveCount(2);
});

test('the command palette moved to Ctrl/Cmd-Shift-P and hands text to the search', async ({ app }) => {
  await expect(app.getByRole('listbox', { name: 'All notes' })).toBeVisible();
  await app.keyboard.press('Control+Shift+P');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await app.keyboard.type('retries');
  // The note titled with the word comes first; searching every note's text is last.
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('ArrowUp');
  await expect(palette.getByRole('option', { name: /Search all notes for “retries”/ })).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(searchBox(app)).toHaveValue('retries');
  await expect(results(app).getByRole('option').first()).toContainText('Why do retries stop after a 413?');
});

test('results below the first screenful get their snippets as they come into view', async ({ app, notebook }) => {
  await expect(app.getByRole('listbox', { name: 'All notes' })).toBeVisible();
  // More notes than come with a snippet at once: the rest are cut when their rows are near the view.
  for (let i = 0; i < 16; i++) {
    await writeNote(notebook, `lights/lighthouse-${String(i).padStart(2, '0')}.md`, { title: `Keeper's log ${i}`, body: `On day ${i} the lighthouse lamp was trimmed at dusk.` });
  }
  await app.keyboard.press('Control+K');
  await app.keyboard.type('lighthouse');
  const options = results(app).getByRole('option');
  await expect(options).toHaveCount(16, { timeout: 15_000 });
  for (const index of [0, 15]) {
    const row = options.nth(index);
    await row.scrollIntoViewIfNeeded();
    await expect(row.locator('.search-result-snippet mark')).toHaveText('lighthouse');
  }
});

test('list previews and search snippets read as the rendered note: no Markdown marks, tables as cells, identifiers intact', async ({ app, notebook }) => {
  const body = 'The **dispatcher** reads `tool_result` blocks and every tool_use id.\n\n| Event | Kept |\n|---|:--:|\n| tool_result | yes |\n';
  await writeNote(notebook, 'agents/2026-11-20-events.md', { title: 'How are agent events kept?', body });
  const row = app.getByRole('listbox', { name: 'All notes' }).getByRole('option', { name: /How are agent events kept/ });
  await expect(row).toContainText('The dispatcher reads tool_result blocks and every tool_use id.');
  await expect(row).not.toContainText('**');
  await expect(row).not.toContainText('|');

  await app.keyboard.press('Control+K');
  await app.keyboard.type('tool_result');
  const snippet = results(app).getByRole('option', { name: /How are agent events kept/ }).locator('.search-result-snippet');
  await expect(snippet).toContainText('The dispatcher reads tool_result blocks and every tool_use id. · Event · Kept · tool_result · yes');
  await expect(snippet.locator('mark').first()).toHaveText('tool_result');
});
