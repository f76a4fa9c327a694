// The notebook for agents in the browser: a note lists the notes its agent consulted through
// Fieldnotes' MCP server, as links; Settings has the two switches and the commands to register
// `fieldnotes mcp` with one's own agents.
import { join } from 'node:path';
import { noteText, writeNoteFile } from '../../support/notes';
import { expect, test } from './fixtures';

test('the note view shows Consulted links, and Settings offers the switches and the install commands', async ({ app, notebook, server }) => {
  await writeNoteFile(notebook, join('ky', '2026-12-01-consulting.md'), noteText(
    { id: '01JE00000000000000000000C1', title: 'How the cache is keyed', created: '2026-12-01T09:30:00.000Z', extra: 'consulted:\n  - 01JDZ8Q6X7M3N4P5R6S7T8V9W0' },
    'It read an earlier note.\n',
  ));
  await app.getByRole('option', { name: /How the cache is keyed/ }).click();
  const consulted = app.getByRole('article').getByRole('list', { name: 'Consulted: 1 note' });
  await consulted.getByRole('button', { name: /How does ky turn a call/ }).click();
  await expect(app.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(/How does ky turn a call/);

  await app.getByRole('button', { name: 'Settings' }).click();
  const section = app.getByRole('region', { name: 'The notebook for agents' });
  await expect(section.getByRole('checkbox', { name: 'Let agents consult the notebook' })).toBeChecked();
  const research = section.getByRole('checkbox', { name: 'Let agents ask for research' });
  await expect(research).not.toBeChecked();
  // The switch shows what the engine saved, so it turns on once the save is back.
  await research.click();
  await expect(research).toBeChecked();
  await expect.poll(async () => {
    const response = await app.request.post(`${server.origin}/api/settings.get`, { headers: server.auth, data: {} });
    return ((await response.json()) as { value: { tasks: { askResearch: boolean } } }).value.tasks.askResearch;
  }).toBe(true);
  const commands = section.getByRole('list', { name: 'Commands that register the notebook with your agents' });
  await expect(commands).toContainText('fieldnotes mcp install --agent claude-code');
  await expect(commands).toContainText('claude mcp add --scope user fieldnotes -- fieldnotes mcp');
  await expect(commands).toContainText('codex mcp add fieldnotes -- fieldnotes mcp');
  await expect(commands).toContainText('gemini mcp add --scope user fieldnotes fieldnotes mcp');
});
