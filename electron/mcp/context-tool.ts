// build_context: notes as one bundle in the xml format "copy as context" uses, trimmed to a token
// budget, saying which notes were left out. Built on context.build's budget (core/context/context-budget.ts).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { McpContext } from './mcp-context';
import { guarded, toolResult, ToolMistake } from './tool-result';

const Left = z.object({ id: z.string(), title: z.string(), tokens: z.number() });

export function registerContextTool(server: McpServer, context: McpContext): void {
  const { call, log } = context;
  server.registerTool(
    'build_context',
    {
      title: 'Bundle notes as context',
      description:
        'Several research notes as one bundle (an XML <documents> block with each note\'s title, repo, commit, agent and any stale warning), trimmed to a token budget. ' +
        'Give note ids (from search_notes or recent_notes) in order of importance, or a search query whose best hits are bundled. Notes that do not fit are listed as left out.',
      inputSchema: {
        ids: z.array(z.string()).optional().describe('Note ids, most important first.'),
        query: z.string().optional().describe('Or: a search query; its best hits are bundled in order of relevance.'),
        repo: z.string().optional().describe('With a query: only notes about this repo.'),
        max_tokens: z.number().int().describe('The token budget for the whole bundle (at least 100).'),
      },
      outputSchema: {
        text: z.string(),
        tokens: z.number(),
        included: z.array(z.object({ id: z.string(), title: z.string(), tokens: z.number(), stale: z.boolean() })),
        left_out: z.array(Left),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ ids, query, repo, max_tokens: budget }) =>
      guarded('build_context', log, async () => {
        if (budget < 100) throw new ToolMistake(`max_tokens must be at least 100 (got ${budget}); a note's header alone takes tens of tokens. Try 4000.`);
        const chosen = ids?.length ? ids : query?.trim() ? await idsFor(context, query, repo) : null;
        if (!chosen) throw new ToolMistake('Give ids (from search_notes or recent_notes) or a query to choose the notes.');
        if (chosen.length === 0) throw new ToolMistake(`No notes match “${query}”. Try other words, or search_notes to look around.`);
        const bundle = await call('context.build', { ids: chosen, format: 'xml', budget: { maxTokens: budget, trim: 'leave-out' } });
        const leftOut = bundle.trimmed?.leftOut ?? [];
        context.served(bundle.notes.map((note) => note.id));
        const footer = leftOut.length ? `\n\nLeft out to stay within ${budget} tokens: ${leftOut.map((note) => `${note.title} (id ${note.id}, ${note.tokens} tokens)`).join('; ')}.` : '';
        return toolResult(`${bundle.text}${footer}`, {
          text: bundle.text,
          tokens: bundle.tokens,
          included: bundle.notes.map(({ id, title, tokens, stale }) => ({ id, title, tokens, stale })),
          left_out: leftOut,
        });
      }),
  );
}

async function idsFor(context: McpContext, query: string, repo: string | undefined): Promise<string[]> {
  const input = { query, filters: repo ? { repo: [repo] } : {}, limit: 20, snippets: 0 };
  let results = await context.call('search.query', input);
  const syntax = results.messages.find((message) => message.code === 'SYNTAX' || message.code === 'UNKNOWN_FIELD');
  if (syntax) throw new ToolMistake(`${syntax.message} Use plain words, or +must -not title:word prefix* fuzzy~1.`);
  if (!results.complete) {
    await context.searchReady();
    results = await context.call('search.query', input);
  }
  return results.hits.map((hit) => hit.id);
}
