// The read-only tools over the notes: search_notes, read_note and recent_notes. Each goes through
// the contract's methods (search.query, notes.get, notes.list, notes.staleness) like the app.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { NoteSummary } from '../../shared/model/note';
import type { McpContext } from './mcp-context';
import { guarded, toolResult, ToolMistake } from './tool-result';

const HitShape = z.object({
  id: z.string(),
  title: z.string(),
  repo: z.string().optional(),
  date: z.string(),
  agent: z.string().optional(),
  status: z.string(),
  stale: z.boolean(),
  stale_reason: z.string().optional(),
  snippet: z.string(),
  path: z.string(),
});
type Hit = z.infer<typeof HitShape>;

export function registerNoteTools(server: McpServer, context: McpContext): void {
  const { call, log } = context;

  server.registerTool(
    'search_notes',
    {
      title: 'Search research notes',
      description:
        'Full-text search over the research notes Fieldnotes keeps about codebases: answers earlier coding agents gave to questions like "how does X work". ' +
        'Use plain words, or this syntax: +must -not "title:word" prefix* fuzzy~1. Filter by repo (its folder name) and tags. ' +
        'Returns the best hits with id, title, repo, date, whether the note may be stale (its code changed since), and a snippet. ' +
        'Read a whole note with read_note. Notes may be out of date: check what matters against the code.',
      inputSchema: {
        query: z.string().describe('What to look for, e.g. `retry backoff` or `+router -test`.'),
        repo: z.string().optional().describe('Only notes about this repo (its folder name, e.g. `ky`).'),
        tags: z.array(z.string()).optional().describe('Only notes with one of these tags.'),
        limit: z.number().int().optional().describe('At most this many hits (1–50, default 10).'),
      },
      outputSchema: { query: z.string(), total: z.number(), hits: z.array(HitShape) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ query, repo, tags, limit }) =>
      guarded('search_notes', log, async () => {
        if (query.trim() === '') throw new ToolMistake('The query is empty. Give some words to look for, e.g. `retry backoff`; to list the latest notes use recent_notes.');
        const max = limit ?? 10;
        if (max < 1 || max > 50) throw new ToolMistake(`limit must be from 1 to 50 (got ${max}).`);
        const input = { query, filters: { ...(repo ? { repo: [repo] } : {}), ...(tags?.length ? { tag: tags } : {}) }, limit: max };
        let results = await call('search.query', input);
        const syntax = results.messages.find((message) => message.code === 'SYNTAX' || message.code === 'UNKNOWN_FIELD');
        if (syntax) {
          throw new ToolMistake(`${syntax.message} Search again with plain words, or with the syntax +must -not title:word prefix* fuzzy~1 (fields: title, question, tags, sources, body).`);
        }
        if (!results.complete) {
          await context.searchReady();
          results = await call('search.query', input);
        }
        const hits = await withStaleness(context, results.hits.map((hit) => ({
          id: hit.id, title: hit.title, repo: hit.repo, date: hit.created.slice(0, 10), agent: hit.agent, status: hit.status, snippet: hit.snippet?.text ?? '', path: hit.path,
        })));
        context.served(hits.map((hit) => hit.id));
        const text = hits.length === 0
          ? `No notes match “${query}”${repo ? ` in ${repo}` : ''}.${results.suggestions[0] ? ` Try: ${results.suggestions[0].query}` : ''}`
          : `${results.total} note${results.total === 1 ? '' : 's'} match “${query}”${hits.length < results.total ? ` (showing ${hits.length})` : ''}:\n\n${hits.map(hitText).join('\n\n')}`;
        return toolResult(text, { query, total: results.total, hits });
      }),
  );

  server.registerTool(
    'read_note',
    {
      title: 'Read a research note',
      description:
        'One research note in full (Markdown) with its provenance: the question asked, the repo and commit it was written at, the agent, the source files it read, and whether it may be stale. ' +
        'Give the id from search_notes or recent_notes, or the note\'s path in the notebook.',
      inputSchema: {
        id: z.string().optional().describe('The note id (from search_notes or recent_notes).'),
        path: z.string().optional().describe('Or: the note\'s path in the notebook, e.g. `ky/2026-11-20-retries.md`.'),
      },
      outputSchema: {
        id: z.string(), title: z.string(), path: z.string(), question: z.string().optional(), repo: z.string().optional(), commit: z.string().optional(),
        agent: z.string().optional(), created: z.string(), status: z.string(), sources: z.array(z.string()), tags: z.array(z.string()),
        stale: z.boolean(), stale_reason: z.string().optional(), markdown: z.string(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ id, path }) =>
      guarded('read_note', log, async () => {
        const noteId = id?.trim() || (path ? await idAtPath(context, path) : '');
        if (!noteId) throw new ToolMistake('Give the note\'s id (from search_notes or recent_notes) or its path in the notebook.');
        const { facts, body } = await readNote(context, noteId.replace(/^fieldnotes:\/\/note\//, ''));
        context.served([facts.id]);
        return toolResult(`${provenance(facts)}\n\n${body}`, { ...facts, markdown: body });
      }),
  );

  server.registerTool(
    'recent_notes',
    {
      title: 'Latest research notes',
      description: 'The newest research notes, optionally only those about one repo (its folder name): id, title, repo, date and whether each may be stale. Read one with read_note.',
      inputSchema: {
        repo: z.string().optional().describe('Only notes about this repo (its folder name, e.g. `ky`).'),
        limit: z.number().int().optional().describe('At most this many notes (1–50, default 10).'),
      },
      outputSchema: { notes: z.array(HitShape.omit({ snippet: true }).extend({ excerpt: z.string() })) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ repo, limit }) =>
      guarded('recent_notes', log, async () => {
        const max = limit ?? 10;
        if (max < 1 || max > 50) throw new ToolMistake(`limit must be from 1 to 50 (got ${max}).`);
        const { notes } = await call('notes.list', {});
        const wanted = repo?.trim().toLowerCase();
        const matching = notes.filter((note) => !note.problem && (!wanted || note.repo?.toLowerCase() === wanted));
        if (wanted && matching.length === 0) {
          const repos = [...new Set(notes.map((note) => note.repo).filter(Boolean))].slice(0, 20);
          throw new ToolMistake(`No notes about a repo named “${repo}”. ${repos.length ? `Repos with notes: ${repos.join(', ')}.` : 'The notebook has no notes about any repo yet.'}`);
        }
        const latest = [...matching].sort((a, b) => b.created.localeCompare(a.created)).slice(0, max);
        const rows = await withStaleness(context, latest.map(summaryRow));
        const text = rows.length === 0 ? 'The notebook has no notes yet.' : rows.map((row) => hitText({ ...row, snippet: row.excerpt })).join('\n\n');
        return toolResult(text, { notes: rows });
      }),
  );
}

/** A note's body and provenance: what read_note and the note resources give. */
export async function readNote(context: McpContext, id: string) {
  const note = await context.call('notes.get', { id });
  const staleness = await context.call('notes.staleness', { id: note.summary.id }).catch(() => ({ stale: false, reason: undefined }));
  const fm = note.frontmatter;
  const facts = {
    id: note.summary.id, title: note.summary.title, path: note.summary.path, question: fm?.question, repo: note.summary.repo, commit: note.summary.commit,
    agent: [note.summary.agent, note.summary.model].filter(Boolean).join(' ') || undefined, created: note.summary.created, status: note.summary.status,
    sources: (fm?.sources ?? []).map((source) => source.path), tags: note.summary.tags, stale: staleness.stale, stale_reason: staleness.reason,
  };
  return { facts, body: note.body };
}

function summaryRow(note: NoteSummary) {
  return { id: note.id, title: note.title, repo: note.repo, date: note.created.slice(0, 10), agent: note.agent, status: note.status, excerpt: note.excerpt, path: note.path };
}

/** Adds whether each note may be stale; a note whose staleness cannot be told counts as not stale. */
async function withStaleness<T extends { id: string }>(context: McpContext, rows: T[]): Promise<Array<T & { stale: boolean; stale_reason?: string }>> {
  return Promise.all(rows.map(async (row) => {
    const staleness = await context.call('notes.staleness', { id: row.id }).catch(() => null);
    return { ...row, stale: staleness?.stale ?? false, ...(staleness?.reason ? { stale_reason: staleness.reason } : {}) };
  }));
}

async function idAtPath(context: McpContext, path: string): Promise<string> {
  const wanted = path.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  const { notes } = await context.call('notes.list', {});
  const note = notes.find((summary) => summary.path === wanted || wanted.endsWith(`/${summary.path}`));
  if (!note) throw new ToolMistake(`There is no note at ${wanted} in the notebook. Paths are relative to the notebook, as search_notes reports them; or give the id.`);
  return note.id;
}

function hitText(hit: Omit<Hit, 'snippet'> & { snippet: string }): string {
  const meta = [hit.repo, hit.date, hit.agent, hit.status === 'done' ? '' : hit.status, hit.stale ? `STALE: ${hit.stale_reason ?? 'its code changed since'}` : ''].filter(Boolean).join(' · ');
  return `- ${hit.title} (id ${hit.id})\n  ${meta}${hit.snippet ? `\n  ${hit.snippet.replace(/\s+/g, ' ').trim()}` : ''}`;
}

export function provenance(facts: { title: string; id: string; question?: string; repo?: string; commit?: string; agent?: string; created: string; status: string; sources: string[]; stale: boolean; stale_reason?: string }): string {
  const lines = [`# ${facts.title}`, `id: ${facts.id}`];
  if (facts.question) lines.push(`question: ${facts.question}`);
  if (facts.repo) lines.push(`repo: ${facts.repo}${facts.commit ? ` @ ${facts.commit.slice(0, 12)}` : ''}`);
  if (facts.agent) lines.push(`agent: ${facts.agent}`);
  lines.push(`written: ${facts.created}${facts.status === 'done' ? '' : ` (status: ${facts.status})`}`);
  if (facts.sources.length) lines.push(`sources: ${facts.sources.join(', ')}`);
  lines.push(facts.stale ? `STALE: ${facts.stale_reason ?? 'the code changed since this was written'}; check it against the code.` : 'not stale: the files it read are unchanged since (or it has no sources to check).');
  return `${lines.join('\n')}\n---`;
}
