// The notes as MCP resources: `fieldnotes://note/<id>`, each note's Markdown with its provenance,
// listed newest first.
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpContext } from './mcp-context';
import { provenance, readNote } from './note-tools';

export const NOTE_URI_PREFIX = 'fieldnotes://note/';

export function registerNoteResources(server: McpServer, context: McpContext): void {
  const template = new ResourceTemplate(`${NOTE_URI_PREFIX}{id}`, {
    list: async () => {
      const { notes } = await context.call('notes.list', {});
      return {
        resources: notes
          .filter((note) => !note.problem)
          .map((note) => ({
            uri: `${NOTE_URI_PREFIX}${encodeURIComponent(note.id)}`,
            name: note.title,
            description: [note.repo, note.created.slice(0, 10), note.agent].filter(Boolean).join(' · '),
            mimeType: 'text/markdown',
          })),
      };
    },
  });
  server.registerResource(
    'note',
    template,
    { title: 'Research note', description: 'A Fieldnotes research note as Markdown, with its question, repo, commit, agent, sources and staleness.', mimeType: 'text/markdown' },
    async (uri, variables) => {
      const raw = Array.isArray(variables.id) ? variables.id[0] : variables.id;
      const { facts, body } = await readNote(context, decodeURIComponent(raw ?? ''));
      context.served([facts.id]);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: `${provenance(facts)}\n\n${body}` }] };
    },
  );
}
