// A poc note holds everything about its task: its diff and the agent's activity come from the
// note's artifacts and transcript, so a note whose task is gone (a fresh `fieldnotes serve`, a
// notebook synced from elsewhere) still shows them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const ID = '01JDZ8Q6X7M3N4P5R6S7T8V9W0';
const PATCH = [
  'diff --git a/src/wildcard.ts b/src/wildcard.ts',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/src/wildcard.ts',
  '@@ -0,0 +1,2 @@',
  "+export const wildcard = '*';",
  '+export default wildcard;',
  'diff --git a/src/router.ts b/src/router.ts',
  '--- a/src/router.ts',
  '+++ b/src/router.ts',
  '@@ -1 +1 @@',
  "-export const routes = ['/'];",
  "+export const routes = ['/', '*'];",
  '',
].join('\n');

test('a note whose task is gone shows its diff and the agent’s activity', async ({ notebook, app }) => {
  await mkdir(join(notebook, '.fieldnotes', 'artifacts', ID), { recursive: true });
  await writeFile(join(notebook, '.fieldnotes', 'artifacts', ID, `${ID}.patch`), PATCH);
  await mkdir(join(notebook, '.fieldnotes', 'transcripts'), { recursive: true });
  const events = [
    { type: 'text', text: 'Let me read the router.' },
    { type: 'tool_call', name: 'Read', summary: 'source/core/Ky.ts', paths: ['source/core/Ky.ts'] },
    { type: 'tool_result', ok: true, summary: '120 lines' },
    { type: 'tool_call', name: 'Grep', summary: 'fetch(', paths: [] },
  ];
  await writeFile(join(notebook, '.fieldnotes', 'transcripts', `${ID}.jsonl`), events.map((event) => JSON.stringify(event) + '\n').join(''));

  await app.getByRole('option', { name: /How does ky turn a call/ }).click();
  const changes = app.getByRole('article').getByRole('region', { name: 'Changes' });
  await expect(changes).toContainText('2 files');
  const files = changes.getByRole('list', { name: 'Files changed' });
  await expect(files).toContainText('src/wildcard.ts');
  await expect(files.getByLabel('2 added')).toBeVisible();
  await expect(files.getByLabel('1 removed')).toBeVisible();

  await changes.getByRole('button', { name: 'View diff' }).click();
  const dialog = app.getByRole('dialog', { name: /Diff:/ });
  await expect(dialog).toContainText("export const wildcard = '*';");
  await app.keyboard.press('Escape');

  const download = app.waitForEvent('download');
  await changes.getByRole('button', { name: 'Save as patch' }).click();
  expect((await download).suggestedFilename()).toBe(`${ID}.patch`);

  const activity = app.getByRole('article').getByRole('region', { name: 'Agent activity' });
  await expect(activity).toContainText('2 tool calls, 1 file read');
  await expect(activity.getByRole('log', { name: 'Activity' })).toContainText('Read');
  await expect(activity.getByRole('list', { name: 'Files read' })).toContainText('source/core/Ky.ts');
});
