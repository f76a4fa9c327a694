// `fieldnotes sync` (fetch, merge, push the notebook, with `--setup` to make it a shared repository
// first) and `fieldnotes clone <url> [DIR]` (a teammate's shared notebook, opened as the notebook).
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { SyncOutcome, SyncStatus } from '../../../shared/contract/sync';
import type { GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';

export function registerSync(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('sync')
    .description('Sync the notebook with its git remote: commit what Fieldnotes changed (when auto-commit is on), fetch, merge, push')
    .option('--setup [url]', 'first make the notebook a git repository (with Fieldnotes’ .gitignore), with this remote')
    .option('--status', 'only show the sync state: remote, ahead/behind, the last sync', false)
    .action(async (flags: { setup?: string | boolean; status: boolean }) => {
      const options = await globals();
      await withApi(options, { notebook: flags.setup === undefined ? 'existing' : 'create', settings: true }, async (api) => {
        if (flags.setup !== undefined) await api.sync.setup(typeof flags.setup === 'string' ? { remote: flags.setup } : {});
        if (flags.status) {
          const status = await api.sync.status();
          console.log(options.json ? JSON.stringify(status) : describeStatus(status));
          return;
        }
        const { outcome, status } = await api.sync.run();
        console.log(options.json ? JSON.stringify({ ...outcome, status }) : describeOutcome(outcome, status));
      });
    });

  program
    .command('clone <url> [dir]')
    .description('Clone a shared notebook (a git repository) and make it the notebook Fieldnotes opens')
    .action(async (url: string, dir: string | undefined) => {
      const options = await globals();
      const path = resolve(dir ?? basename(url.replace(/[\\/]+$/, '')).replace(/\.git$/, '') ?? 'notebook');
      await withApi(options, { notebook: 'none', settings: true }, async (api) => {
        const info = await api.sync.clone({ url, path });
        const { notes } = await api.notes.list();
        if (options.json) console.log(JSON.stringify({ ...info, notes: notes.length }));
        else console.log(`Cloned ${url} into ${info.path} (${plural(notes.length, 'note')}). Fieldnotes opens it as the notebook; sync it with \`fieldnotes sync\`.`);
      });
    });
}

function describeOutcome(outcome: SyncOutcome, status: SyncStatus): string {
  const lines = [`Synced with ${status.remote ?? 'the remote'}: pulled ${plural(outcome.pulled, 'commit')}, pushed ${plural(outcome.pushed, 'commit')}.`];
  if (outcome.committed.length > 0) lines.push(`Committed first: ${outcome.committed.join('; ')}`);
  if (outcome.recovered) lines.push('A sync that was stopped earlier was put right first.');
  for (const path of outcome.conflicted) lines.push(`Conflict: ${path} changed on both sides; both versions are kept in the note until you choose (in the app: Keep mine / Keep theirs / Keep both).`);
  for (const path of outcome.keptDeleted) lines.push(`Kept: ${path} was deleted on one side and edited on the other.`);
  return lines.join('\n');
}

function describeStatus(status: SyncStatus): string {
  if (!status.repo) return 'This notebook is not a git repository yet: set it up with `fieldnotes sync --setup <url>`.';
  const lines = [
    `Branch ${status.branch ?? '(detached)'} · remote ${status.remote ?? 'none'} · ${status.ahead} ahead, ${status.behind} behind`,
    `Last sync: ${status.lastSync ?? 'never'}${status.lastError ? ` · last error: ${status.lastError}` : ''}`,
  ];
  if (status.uncommitted > 0) lines.push(`${plural(status.uncommitted, 'file')} changed but not committed.`);
  if (status.conflicts > 0) lines.push(`${plural(status.conflicts, 'note')} with both sides of a conflict, waiting for your choice.`);
  return lines.join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
