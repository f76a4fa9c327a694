// The codebase picker offers what the notebook knows: the folders its notes were written about,
// when they exist on this disk, beside the recent ones, "No codebase" and a path box.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRepo } from '../../support/git-repo';
import { removeDir } from '../../support/temp';
import { expect, test } from './fixtures';

async function noteAbout(notebook: string, id: string, repo: { name: string; path: string }, title: string): Promise<void> {
  await mkdir(join(notebook, repo.name), { recursive: true });
  const frontmatter = ['---', `id: ${id}`, `title: ${title}`, 'mode: explain', 'status: done', `repo: { name: ${repo.name}, path: ${JSON.stringify(repo.path)} }`, 'created: 2026-12-01T10:00:00.000Z', '---', ''];
  await writeFile(join(notebook, repo.name, `2026-12-01-${id.slice(-6).toLowerCase()}.md`), `${frontmatter.join('\n')}Answer about ${repo.name}.\n`);
}

test('the picker lists the notebook’s codebases that exist here, with their note counts, and one can be chosen', async ({ app, notebook }) => {
  const router = await makeRepo({ 'src/router.ts': 'export const routes = [];\n' }, 'router-app');
  try {
    await noteAbout(notebook, '01JF0000000000000000000001', { name: 'router-app', path: router }, 'Where are routes?');
    await noteAbout(notebook, '01JF0000000000000000000002', { name: 'router-app', path: router }, 'How are routes matched?');
    await noteAbout(notebook, '01JF0000000000000000000003', { name: 'gone-app', path: join(router, '..', 'no-such-folder') }, 'A folder that is gone');
    await expect(app.getByRole('listbox', { name: 'All notes' }).getByRole('option', { name: /How are routes matched/ })).toBeVisible();

    await app.getByRole('navigation', { name: 'Notebook' }).getByRole('button', { name: 'Ask a question' }).click();
    const dialog = app.getByRole('dialog', { name: /Ask/ }).first();
    await dialog.getByRole('button', { name: 'Codebase', exact: true }).click();
    const menu = dialog.getByRole('dialog', { name: 'Choose a codebase' });
    const known = menu.getByRole('list', { name: 'Codebases in this notebook' });
    await expect(known.getByRole('button')).toHaveCount(1);
    await expect(known.getByRole('button', { name: /router-app/ })).toContainText(`2 notes · ${router}`);
    await expect(known.getByRole('button', { name: /router-app/ })).toContainText(/main · [0-9a-f]{7}/);
    // Still there: no codebase, and a folder by its path.
    await expect(menu.getByRole('button', { name: /No codebase/ })).toBeVisible();
    await expect(menu.getByLabel('Another codebase: its folder’s full path')).toBeVisible();

    await known.getByRole('button', { name: /router-app/ }).click();
    await expect(dialog.getByRole('button', { name: 'Codebase', exact: true })).toContainText(/router-app\s*main · [0-9a-f]{7}/);
  } finally {
    await removeDir(join(router, '..'));
  }
});
