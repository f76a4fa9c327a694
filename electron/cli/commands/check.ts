// `fieldnotes check`: are the notes' citations still right, and did their code move? Prints, per
// note, the citations that do not check out and what changed; exits 1 when a note it checked has a
// broken citation or is stale, so it can run in a hook or in CI.
import type { Command } from 'commander';
import type { NoteCitations } from '../../../shared/contract/citations';
import { CliError, type GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';
import { noteIdsOf } from '../note-refs';
import { repoName } from '../repo-option';

interface CheckOptions {
  repo?: string;
}

export function registerCheck(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('check')
    .description('Check notes’ citations against their commits, and say what changed in their code since')
    .argument('[notes...]', 'notes by id or path (default: every note)')
    .option('--repo <repo>', 'only notes about this repo, by name or folder path')
    .addHelpText('after', '\nExits 1 when a checked note has a broken citation or is stale.\n\nExamples:\n  fieldnotes check\n  fieldnotes check --repo . --json')
    .action(async (refs: string[], commandOptions: CheckOptions) => {
      const options = await globals();
      const { checked, titles } = await withApi(options, { notebook: 'existing' }, async (api) => {
        const ids = refs.length > 0 ? await noteIdsOf(api, refs, 'checked') : undefined;
        const { notes } = await api.notes.check({ ...(ids ? { ids } : {}), ...(commandOptions.repo ? { repo: repoName(commandOptions.repo) } : {}) });
        const summaries = new Map((await api.notes.list()).notes.map((note) => [note.id, note]));
        return { checked: notes, titles: new Map(notes.map((note) => [note.id, `${summaries.get(note.id)?.path ?? note.id}  ${summaries.get(note.id)?.title ?? ''}`.trim()])) };
      });
      if (options.json) console.log(JSON.stringify(checked.map(asJson), null, 2));
      else console.log(report(checked, titles));
      const failing = checked.filter(fails).length;
      if (failing > 0) throw new CliError(`${failing} of ${checked.length} ${checked.length === 1 ? 'note' : 'notes'} checked ${failing === 1 ? 'has' : 'have'} broken citations or ${failing === 1 ? 'is' : 'are'} stale.`);
    });
}

function fails(note: NoteCitations): boolean {
  return note.stale || note.ok < note.total;
}

/** The shape scripts read: id, citations {total, ok, broken}, stale, changed. */
function asJson(note: NoteCitations) {
  return {
    id: note.id,
    checkedAt: note.commit,
    against: note.against,
    ...(note.why ? { why: note.why } : {}),
    citations: {
      total: note.total,
      ok: note.ok,
      broken: note.citations.filter((citation) => !citation.ok).map((citation) => ({ text: citation.text, path: citation.path, line: citation.lines?.start ?? null, why: citation.why })),
    },
    stale: note.stale,
    changed: note.changed.map((change) => ({ path: change.path, how: change.how, ...(change.to ? { to: change.to } : {}), lines: change.lines, summary: change.summary })),
  };
}

function report(notes: NoteCitations[], titles: Map<string, string>): string {
  if (notes.length === 0) return 'No notes to check.';
  const lines: string[] = [];
  for (const note of notes) {
    const head = `${titles.get(note.id)}`;
    if (note.against === 'none') {
      lines.push(`${head}\n  not checked: ${note.why}`);
      continue;
    }
    const count = `${note.total} ${note.total === 1 ? 'citation' : 'citations'} · ${note.ok} check out${note.against === 'head' ? ' (checked at HEAD: the note records no commit)' : ''}`;
    if (!fails(note)) {
      lines.push(`ok  ${head}  (${count})`);
      continue;
    }
    lines.push(`${note.stale ? 'STALE' : 'BROKEN'}  ${head}\n  ${count}`);
    for (const citation of note.citations) if (!citation.ok) lines.push(`  ✗ ${citation.text}: ${citation.why}`);
    for (const change of note.changed) lines.push(`  ~ ${change.summary}`);
  }
  return lines.join('\n');
}
