// `fieldnotes refresh <note>`: ask a note's question again of the same agent at its repo's HEAD,
// with the old note as context; follows the task like `ask` and prints the new note's path. The
// new note supersedes the old one, which points forward once the new answer is done.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';
import { endOfTasks, followTasks } from '../follow-tasks';
import { noteIdsOf } from '../note-refs';

export function registerRefresh(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('refresh')
    .description('Ask a note’s question again at its repo’s HEAD (same agent, old note as context); prints the new note’s path')
    .argument('<note>', 'the note, by id or path')
    .option('--agent <id>', 'ask another agent than the note’s own')
    .addHelpText('after', '\nExamples:\n  fieldnotes refresh 01JDZ8Q6X7M3N4P5R6S7T8V9W0\n  fieldnotes check --json | jq -r \'.[] | select(.stale) | .id\' | xargs -n1 fieldnotes refresh')
    .action(async (ref: string, options: { agent?: string }) => {
      const globalOptions = await globals();
      endOfTasks(await withApi(globalOptions, { notebook: 'existing', agents: true }, async (api) => {
        const [noteId] = await noteIdsOf(api, [ref], 'refreshed');
        return followTasks(api, globalOptions, async () => [await api.tasks.refresh({ noteId: noteId!, ...(options.agent ? { agent: options.agent } : {}) })]);
      }));
    });
}
