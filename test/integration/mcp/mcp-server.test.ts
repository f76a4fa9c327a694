// `fieldnotes mcp` as a real process, driven by the MCP SDK's own client over stdio: the handshake,
// the tool and resource lists, each tool on a small notebook, and hostile input to each tool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcp, textOf, type McpSession } from '../../support/mcp-client';
import { noteText, writeNoteFile } from '../../support/notes';
import { tempDir } from '../../support/temp';

const RETRY = '01JE0000000000000000000R01';
const ROUTER = '01JE0000000000000000000R02';
const OTHER = '01JE0000000000000000000R03';

let mcp: McpSession;
let notebook: string;

beforeAll(async () => {
  notebook = await tempDir('fieldnotes-mcp-notebook-');
  const home = await tempDir('fieldnotes-mcp-home-');
  await writeNoteFile(notebook, 'ky/2026-11-20-retries.md', noteText(
    { id: RETRY, title: 'How ky retries requests', created: '2026-11-20T09:30:00.000Z', tags: ['http'], extra: 'repo:\n  name: ky\nquestion: How does ky retry?' },
    'Ky retries with exponential backoff; the word zanzibarite appears only here.\n',
  ));
  await writeNoteFile(notebook, 'ky/2026-11-22-router.md', noteText(
    { id: ROUTER, title: 'The hooks pipeline', created: '2026-11-22T09:30:00.000Z', extra: 'repo:\n  name: ky' },
    `${'Hooks run before each request. '.repeat(200)}\n`,
  ));
  await writeNoteFile(notebook, 'vite/2026-11-21-hmr.md', noteText(
    { id: OTHER, title: 'Vite HMR boundaries', created: '2026-11-21T09:30:00.000Z', extra: 'repo:\n  name: vite' },
    'Hot module replacement walks up to the nearest accepting module.\n',
  ));
  mcp = await startMcp({ notebook, home });
});

afterAll(async () => {
  await mcp?.close();
});

describe('fieldnotes mcp', () => {
  it('introduces itself and lists its tools and the notes as resources', async () => {
    expect(mcp.client.getServerVersion()?.name).toBe('fieldnotes');
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['build_context', 'read_note', 'recent_notes', 'search_notes']);
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(60);
      expect(tool.outputSchema).toBeDefined();
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    const { resources } = await mcp.client.listResources();
    expect(resources.map((resource) => resource.uri).sort()).toEqual([`fieldnotes://note/${RETRY}`, `fieldnotes://note/${ROUTER}`, `fieldnotes://note/${OTHER}`].sort());
    const read = await mcp.client.readResource({ uri: `fieldnotes://note/${RETRY}` });
    expect(read.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect((read.contents[0] as { text: string }).text).toContain('zanzibarite');
  });

  it('search_notes finds the note that holds a word, with its facts and a snippet', async () => {
    const result = await mcp.tool('search_notes', { query: 'zanzibarite' });
    expect(result.isError).toBeFalsy();
    const content = result.structuredContent as { total: number; hits: Array<Record<string, unknown>> };
    expect(content.total).toBe(1);
    expect(content.hits[0]).toMatchObject({ id: RETRY, title: 'How ky retries requests', repo: 'ky', date: '2026-11-20', stale: false });
    expect(String(content.hits[0]!.snippet)).toContain('zanzibarite');
    expect(textOf(result)).toContain(RETRY);

    const filtered = await mcp.tool('search_notes', { query: 'module OR hooks OR retries', repo: 'vite' });
    expect((filtered.structuredContent as { hits: Array<{ id: string }> }).hits.map((hit) => hit.id)).toEqual([OTHER]);
  });

  it('read_note gives the Markdown with its provenance, by id or by path', async () => {
    const byId = await mcp.tool('read_note', { id: RETRY });
    expect(byId.isError).toBeFalsy();
    expect(byId.structuredContent).toMatchObject({ id: RETRY, repo: 'ky', question: 'How does ky retry?', stale: false });
    expect(textOf(byId)).toContain('question: How does ky retry?');
    expect(textOf(byId)).toContain('zanzibarite');
    const byPath = await mcp.tool('read_note', { path: 'vite/2026-11-21-hmr.md' });
    expect(byPath.structuredContent).toMatchObject({ id: OTHER });
  });

  it('recent_notes lists the latest notes of a repo, newest first', async () => {
    const result = await mcp.tool('recent_notes', { repo: 'ky' });
    expect((result.structuredContent as { notes: Array<{ id: string }> }).notes.map((note) => note.id)).toEqual([ROUTER, RETRY]);
    const all = await mcp.tool('recent_notes', { limit: 2 });
    expect((all.structuredContent as { notes: Array<{ id: string }> }).notes.map((note) => note.id)).toEqual([ROUTER, OTHER]);
  });

  it('build_context bundles notes in the xml format within the budget and says what was left out', async () => {
    const roomy = await mcp.tool('build_context', { ids: [RETRY, OTHER], max_tokens: 4000 });
    expect(roomy.isError).toBeFalsy();
    const bundle = roomy.structuredContent as { text: string; tokens: number; included: Array<{ id: string }>; left_out: unknown[] };
    expect(bundle.text.startsWith('<documents>')).toBe(true);
    expect(bundle.included.map((note) => note.id)).toEqual([RETRY, OTHER]);
    expect(bundle.left_out).toEqual([]);

    const tight = await mcp.tool('build_context', { ids: [ROUTER, RETRY, OTHER], max_tokens: 400 });
    const trimmed = tight.structuredContent as { tokens: number; included: Array<{ id: string }>; left_out: Array<{ id: string }> };
    expect(trimmed.tokens).toBeLessThanOrEqual(400);
    expect(trimmed.left_out.map((note) => note.id)).toEqual([ROUTER]);
    expect(trimmed.included.map((note) => note.id)).toEqual([RETRY, OTHER]);
    expect(textOf(tight)).toContain('Left out');

    const byQuery = await mcp.tool('build_context', { query: 'zanzibarite', max_tokens: 2000 });
    expect((byQuery.structuredContent as { included: Array<{ id: string }> }).included.map((note) => note.id)).toEqual([RETRY]);
  });

  it('answers hostile input with tool errors a model can act on, and keeps serving', async () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['search_notes', { query: '' }, /query is empty/],
      ['search_notes', { query: 'title:' }, /syntax/i],
      ['search_notes', { query: 'nosuchfield:word' }, /field|search again/i],
      ['search_notes', { query: 'x', limit: 0 }, /limit must be from 1 to 50/],
      ['search_notes', { query: 42 }, /Input validation error/],
      ['search_notes', { query: 'x'.repeat(5000) }, /Bad input|at most|too/i],
      ['read_note', { id: '01JE000000000000000000NOPE' }, /No note with id .*search_notes or recent_notes/],
      ['read_note', { path: '../../etc/passwd' }, /no note at/i],
      ['read_note', {}, /Give the note's id/],
      ['recent_notes', { repo: 'nosuchrepo' }, /No notes about a repo named “nosuchrepo”\. Repos with notes: ky, vite/],
      ['recent_notes', { limit: 1000 }, /limit must be from 1 to 50/],
      ['build_context', { ids: [RETRY], max_tokens: 0 }, /max_tokens must be at least 100/],
      ['build_context', { ids: ['nope'], max_tokens: 1000 }, /No note with id nope.*search_notes/],
      ['build_context', { max_tokens: 1000 }, /Give ids .* or a query/],
      ['build_context', { query: 'nothingmatchesthisword', max_tokens: 1000 }, /No notes match/],
      ['build_context', { ids: [ROUTER], max_tokens: 100 }, /None of the notes fits in 100 tokens/],
      ['build_context', { ids: [RETRY] }, /Input validation error/],
    ];
    for (const [tool, args, message] of cases) {
      const result = await mcp.tool(tool, args);
      expect(result.isError, `${tool} ${JSON.stringify(args).slice(0, 80)}`).toBe(true);
      expect(textOf(result), `${tool} ${JSON.stringify(args).slice(0, 80)}`).toMatch(message);
    }
    await expect(mcp.client.readResource({ uri: 'fieldnotes://note/nope' })).rejects.toThrow(/No note with id nope/);
    // Still serving after all of that.
    const after = await mcp.tool('search_notes', { query: 'zanzibarite' });
    expect(after.isError).toBeFalsy();
    expect(mcp.stderr()).not.toMatch(/unexpected/i);
  });
});
