// The Fieldnotes MCP server: the notebook's read-only tools and note resources (and, when the user
// allowed it, ask_research) over the engine's methods. It knows nothing of its transport.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerContextTool } from './context-tool';
import type { McpContext } from './mcp-context';
import { registerNoteResources } from './note-resources';
import { registerNoteTools } from './note-tools';
import { registerResearchTool, type ResearchDeps } from './research-tool';

/** `research`: offer ask_research (the user turned it on in Settings). */
export function createNotebookServer(context: McpContext, version: string, research?: ResearchDeps): McpServer {
  const server = new McpServer(
    { name: 'fieldnotes', title: 'Fieldnotes', version },
    {
      instructions:
        'Fieldnotes keeps research notes that coding agents wrote about codebases (how things work, with the files they read). ' +
        'Search them before exploring code from scratch; a note may be stale when its code changed since, so check what matters against the code.',
    },
  );
  registerNoteTools(server, context);
  registerContextTool(server, context);
  registerNoteResources(server, context);
  if (research) registerResearchTool(server, context, research);
  return server;
}
