// `fieldnotes context <note>...`: notes as context for a prompt, on stdout, ready for a pipe
// (`fieldnotes context 01JD… | claude -p "…"`). The token count and warnings go to stderr, so
// stdout is exactly the bundle.
import { Option, type Command } from 'commander';
import type { ContextFormat } from '../../../shared/context/context-bundle';
import { ApiError } from '../../../shared/contract/errors';
import { ContextBundler } from '../../core/context/context-bundler';
import { sharedTokenCounter } from '../../core/context/token-counter';
import type { Notebook } from '../../core/notebook/notebook';
import { CliError, type GlobalOptions } from '../cli-error';
import { withNotebook } from '../notebook-command';

export function registerContext(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('context')
    .description('Print notes as context for a prompt (the token count goes to stderr): fieldnotes context <id> | claude -p "…"')
    .argument('<notes...>', 'the notes’ ids or paths, in the order they go into the bundle')
    .addOption(new Option('--format <format>', 'how the bundle is written').choices(['xml', 'markdown']).default('xml'))
    .action(async (refs: string[], commandOptions: { format: ContextFormat }) => {
      const options = await globals();
      await withNotebook(options, {}, async (notebook) => {
        const ids = await noteIds(notebook, refs);
        const counter = sharedTokenCounter();
        const bundle = await new ContextBundler({ notebook: () => notebook, counter }).build(ids, commandOptions.format);
        if (options.json) {
          console.log(JSON.stringify(bundle, null, 2));
          return;
        }
        process.stdout.write(bundle.text);
        console.error(`≈ ${bundle.tokens.toLocaleString('en-US')} tokens (${bundle.tokenizer} tokenizer)`);
        for (const note of bundle.notes) {
          for (const warning of note.warnings) console.error(`fieldnotes: ${note.path}: ${warning.replace(/^Warning: /, '')}`);
        }
      });
    });
}

/** The ids of the notes named by id or path; every name that matches no note is reported. */
async function noteIds(notebook: Notebook, refs: string[]): Promise<string[]> {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    try {
      ids.push((await notebook.find(ref)).summary.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      console.error(`fieldnotes: ${error.message}`);
      unknown.push(ref);
    }
  }
  if (unknown.length > 0) {
    throw new CliError(`${unknown.length === 1 ? 'A note was' : `${unknown.length} notes were`} not found (see above), so nothing was printed. \`fieldnotes list\` shows the ids.`);
  }
  return ids;
}
