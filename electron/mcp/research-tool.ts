// ask_research: an agent sends out a scout of its own. The question becomes a task like one asked
// in the app (tasks.ask: the queue, its limit and each mode's read-only rules apply) and its note
// id comes back at once; with wait_seconds the tool waits that long for the answer. Only offered
// when the user turned it on in Settings.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Task } from '../../shared/model/task';
import type { McpContext } from './mcp-context';
import { guarded, toolResult, ToolMistake } from './tool-result';

const MAX_WAIT_SECONDS = 600;

export interface ResearchDeps {
  /** Resolves with the finished task, or null when `ms` passed first. */
  waitForTask(id: string, ms: number): Promise<Task | null>;
}

export function registerResearchTool(server: McpServer, context: McpContext, research: ResearchDeps): void {
  const { call, log } = context;
  server.registerTool(
    'ask_research',
    {
      title: 'Ask for new research',
      description:
        'Dispatch a research question to a coding agent that Fieldnotes runs (like a question asked in the Fieldnotes app): it reads the code of the repo folder and writes a research note. ' +
        'Returns the note id at once; give wait_seconds to wait that long for the answer. Check search_notes first: the answer may already be in the notebook. ' +
        'mode "explain" only reads the code; "poc" may edit and run code in a scratch copy. Tasks wait in Fieldnotes\' queue when others are running.',
      inputSchema: {
        question: z.string().describe('The question, as you would ask a colleague: "How does the retry backoff work?"'),
        repo: z.string().describe('The absolute path of the codebase\'s folder.'),
        mode: z.enum(['explain', 'poc']).optional().describe('explain (default): read-only; poc: may edit and run code in a scratch copy.'),
        agent: z.string().optional().describe('The agent to ask (claude-code, codex, gemini, custom); the user\'s default when absent.'),
        wait_seconds: z.number().optional().describe(`Wait up to this many seconds (0–${MAX_WAIT_SECONDS}) for the answer; 0 (default) returns at once.`),
      },
      outputSchema: {
        note_id: z.string(),
        status: z.string(),
        queue_position: z.number().optional(),
        title: z.string(),
        answer: z.string().optional(),
        error: z.string().optional(),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    ({ question, repo, mode, agent, wait_seconds: wait = 0 }) =>
      guarded('ask_research', log, async () => {
        if (!(wait >= 0 && wait <= MAX_WAIT_SECONDS)) throw new ToolMistake(`wait_seconds must be from 0 to ${MAX_WAIT_SECONDS} (got ${wait}).`);
        if (!repo.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(repo)) throw new ToolMistake(`repo must be the absolute path of the codebase's folder (got “${repo}”).`);
        const { tasks } = await call('tasks.ask', { question, repoPath: repo, mode: mode ?? 'explain', ...(agent ? { agents: [agent] } : {}) });
        const asked = tasks[0]!;
        const finished = wait > 0 ? await research.waitForTask(asked.id, wait * 1000) : null;
        if (!finished) {
          const { task } = await call('tasks.get', { id: asked.id, maxEvents: 1, maxTextChars: 1 });
          const where = task.status === 'queued' && task.position !== undefined ? ` (number ${task.position} in the queue)` : '';
          return toolResult(
            `Asked ${task.agent}: the task is ${task.status}${where}. Its note is ${task.id}; read it later with read_note (status done means the answer is there).`,
            { note_id: task.id, status: task.status, ...(task.position !== undefined ? { queue_position: task.position } : {}), title: task.title },
          );
        }
        const note = await call('notes.get', { id: finished.id });
        context.served([finished.id]);
        const error = finished.error;
        return toolResult(
          `${finished.status === 'done' ? '' : `The task ${finished.status}${error ? `: ${error}` : ''}.\n\n`}# ${note.summary.title}\nnote id: ${finished.id}\n\n${note.body}`,
          { note_id: finished.id, status: finished.status, title: note.summary.title, answer: note.body, ...(error ? { error } : {}) },
        );
      }),
  );
}
