// The browser mode shows the real app shell over a real `fieldnotes serve`.
import { expect, test } from './fixtures';

test.describe('a fixture notebook', () => {
  test('lists its notes, newest first, with repo, agent and tags', async ({ app }) => {
    const list = app.getByRole('listbox', { name: 'All notes' });
    await expect(list.getByRole('option')).toHaveCount(5);
    const routing = list.getByRole('option', { name: /How does ky turn a call into a fetch request/ });
    await expect(routing).toContainText('ky · Claude Code');
    await expect(routing).toContainText('architecture');
    // Newest first: the 28 November note comes before the 27 and 20 November ones.
    const titles = await list.getByRole('option').locator('.note-row-title').allTextContents();
    expect(titles.indexOf('How does ky turn a call into a fetch request?')).toBeLessThan(titles.indexOf('Why do retries stop after a 413?'));
    expect(titles.indexOf('Why do retries stop after a 413?')).toBeLessThan(titles.indexOf('In what order do Vite plugin hooks run?'));
  });

  test('opens a note with its provenance and rendered Markdown', async ({ app }) => {
    await app.getByRole('option', { name: /How does ky turn a call/ }).click();
    const note = app.getByRole('article');
    await expect(note.getByRole('heading', { level: 1 })).toHaveText('How does ky turn a call into a fetch request?');
    await expect(note).toContainText('3f2a9c1');
    await expect(note).toContainText('Claude Code · claude-sonnet-4-5');
    await expect(note.getByRole('heading', { name: 'The path of a request' })).toBeVisible();
    // Code blocks are highlighted.
    await expect(note.locator('pre code.language-ts .hljs-keyword').first()).toBeVisible();
    // The selection is in the URL, so a reload keeps it.
    await app.reload();
    await expect(app.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(/How does ky turn a call/);
  });

  test('shows a broken file with its problem instead of hiding it', async ({ app }) => {
    const broken = app.getByRole('option', { name: /broken frontmatter/ });
    await expect(broken).toContainText('not valid YAML');
    await app.getByRole('button', { name: /Problems/ }).click();
    await expect(app.getByRole('listbox').getByRole('option')).toHaveCount(1);
  });

  test('filters by repo and tag from the sidebar', async ({ app }) => {
    await app.getByRole('navigation').getByRole('button', { name: /^ky/ }).click();
    await expect(app.getByRole('listbox', { name: 'ky' }).getByRole('option')).toHaveCount(2);
    await app.getByRole('navigation').getByRole('button', { name: /architecture/ }).click();
    await expect(app.getByRole('listbox', { name: '#architecture' }).getByRole('option')).toHaveCount(2);
  });

  test('the command palette jumps to a note by title', async ({ app }) => {
    await expect(app.getByRole('listbox', { name: 'All notes' })).toBeVisible();
    await app.keyboard.press('Control+Shift+P');
    const palette = app.getByRole('dialog', { name: 'Command palette' });
    await expect(palette).toBeVisible();
    await app.keyboard.type('vite plugin');
    // No command matches: the notes by title come first, before searching their text.
    await app.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(app.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('In what order do Vite plugin hooks run?');
  });

  test('in the palette a matching command comes first: "dark" and Enter switch the theme', async ({ app }) => {
    await expect(app.getByRole('listbox', { name: 'All notes' })).toBeVisible();
    await app.keyboard.press('Control+Shift+P');
    const palette = app.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('combobox')).toBeFocused();
    await app.keyboard.type('dark');
    await expect(palette.getByRole('option').first()).toHaveText('Theme: dark');
    await expect(palette.getByRole('option').last()).toHaveText(/Search all notes for “dark”/);
    await app.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('arrow keys move through the list', async ({ app }) => {
    const list = app.getByRole('listbox', { name: 'All notes' });
    await list.getByRole('option').first().click();
    await list.focus();
    await app.keyboard.press('End');
    await expect(list.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
    await app.keyboard.press('ArrowUp');
    await expect(list.getByRole('option').nth(-2)).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('an empty notebook', () => {
  test.use({ notebookFixture: 'empty' });

  test('explains what to do first', async ({ app, notebook }) => {
    await expect(app.getByRole('heading', { name: 'Your notebook is empty' })).toBeVisible();
    await expect(app.getByText(notebook)).toBeVisible();
    await app.getByRole('button', { name: 'Ask your first question' }).click();
    await expect(app.getByRole('dialog', { name: 'Ask agents' }).getByRole('textbox', { name: 'Question' })).toBeFocused();
    await app.keyboard.press('Escape');
    await app.getByRole('navigation').getByRole('button', { name: /^Tasks/ }).click();
    await expect(app.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
    await expect(app.getByRole('region', { name: 'Tasks' })).toContainText('Running tasks show here with their live output');
  });
});

test.describe('themes', () => {
  test('follow the operating system', async ({ browser, server }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(server.url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await context.close();
    }
  });
});
