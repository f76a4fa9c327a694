// ask_research from an MCP client against a real `fieldnotes mcp`: offered only when Settings allow
// it; the task runs like one asked in the app (one at a time here: the queue's limit holds), its
// note appears, and wait_seconds brings the answer back.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcp, textOf, type McpSession } from '../../support/mcp-client';
import { eventually } from '../../support/notes';
import { tempDir } from '../../support/temp';
import { fakeAgent } from '../tasks/task-harness';

let mcp: McpSession;
let repo: string;
let release: string;

beforeAll(async () => {
  const home = await tempDir('fieldnotes-research-home-');
  const notebook = await tempDir('fieldnotes-research-notebook-');
  repo = await tempDir('fieldnotes-research-repo-');
  release = await tempDir('fieldnotes-research-release-');
  await mkdir(home, { recursive: true });
  await writeFile(join(home, 'settings.json'), JSON.stringify({
    // The fake agent waits on a release file in the machine's /tmp, which the OS sandbox would hide.
    tasks: { askResearch: true, concurrency: 1, customCommand: fakeAgent(), defaultAgents: ['custom'], sandbox: 'off' },
  }));
  mcp = await startMcp({ notebook, home, env: { FAKE_RELEASE_DIR: release } });
});

afterAll(async () => {
  await mcp?.close();
});

interface Asked {
  note_id: string;
  status: string;
  queue_position?: number;
  answer?: string;
}

describe('ask_research', () => {
  it('queues tasks within the limit, returns note ids at once, and waits for an answer when asked to', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('ask_research');

    const first = (await mcp.tool('ask_research', { question: '[wait one] [title First answer] How does it start?', repo })).structuredContent as unknown as Asked;
    expect(first.note_id).toMatch(/^[0-9A-Z]{26}$/);
    // The first task cannot finish before `one` is released; with one task at a time, the second waits behind it.
    const second = await mcp.tool('ask_research', { question: '[title Second answer] How does it stop?', repo, wait_seconds: 1 });
    expect(second.isError).toBeFalsy();
    expect(second.structuredContent).toMatchObject({ status: 'queued', queue_position: 1 });
    expect(textOf(second)).toMatch(/queued \(number 1 in the queue\)/);
    const firstNote = await mcp.tool('read_note', { id: first.note_id });
    expect(firstNote.structuredContent).toMatchObject({ status: 'running' });

    await writeFile(join(release, 'one'), '');
    const third = (await mcp.tool('ask_research', { question: '[title Third answer] And then?', repo, wait_seconds: 300 })).structuredContent as unknown as Asked;
    expect(third).toMatchObject({ status: 'done' });
    // The notes are in the notebook, answered.
    for (const [id, title] of [[first.note_id, 'First answer'], [(second.structuredContent as unknown as Asked).note_id, 'Second answer'], [third.note_id, 'Third answer']] as const) {
      const note = await eventually(async () => {
        const read = await mcp.tool('read_note', { id });
        return (read.structuredContent as { status: string }).status === 'done' && read;
      });
      expect(note.structuredContent).toMatchObject({ title });
    }
  });

  it('answers bad calls with tool errors', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ question: 'Why?', repo: join(repo, 'missing') }, /missing|not a folder|does not exist|no folder/i],
      [{ question: 'Why?', repo: 'relative/path' }, /absolute path/],
      [{ question: '   ', repo }, /question/i],
      [{ question: 'Why?', repo, wait_seconds: 10_000 }, /wait_seconds must be from 0 to 600/],
      [{ question: 'Why?', repo, agent: 'nosuchagent' }, /nosuchagent/],
    ];
    for (const [args, message] of cases) {
      const result = await mcp.tool('ask_research', args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(textOf(result), JSON.stringify(args)).toMatch(message);
    }
  });
});
