// Whether a note may be stale: its repo moved past the commit the note describes, and files the
// agent read have different content at HEAD now (compared by git blob hash, one git call per repo).
// A repo that is gone, not a git repository, or a note without recorded sources gives no verdict:
// the note is simply not called stale.
import { stat } from 'node:fs/promises';
import type { NoteStaleness } from '../../../shared/contract/notes';
import type { Note } from '../../../shared/model/note';
import { blobHashesAtHead } from './blob-hashes';

const NOT_STALE: NoteStaleness = { stale: false, changed: [] };

/** What a note records that staleness needs: repo folder, commit, and sources with their blobs. */
interface Pinned {
  repoPath: string;
  commit: string;
  sources: Array<{ path: string; blob: string }>;
}

function pinned(note: Note): Pinned | null {
  const repo = note.frontmatter?.repo;
  if (!repo?.path || !repo.commit) return null;
  const sources = (note.frontmatter?.sources ?? []).filter((source): source is { path: string; blob: string } => typeof source.blob === 'string' && source.blob.length > 0);
  return sources.length > 0 ? { repoPath: repo.path, commit: repo.commit, sources } : null;
}

/**
 * Staleness of each note, by note id. Notes of the same repo share one git call, whatever their
 * number; repos are asked in parallel.
 */
export async function noteStaleness(notes: readonly Note[]): Promise<Map<string, NoteStaleness>> {
  const verdicts = new Map<string, NoteStaleness>();
  const byRepo = new Map<string, Array<{ id: string; pin: Pinned }>>();
  for (const note of notes) {
    const pin = pinned(note);
    verdicts.set(note.summary.id, NOT_STALE);
    if (!pin) continue;
    const group = byRepo.get(pin.repoPath) ?? [];
    group.push({ id: note.summary.id, pin });
    byRepo.set(pin.repoPath, group);
  }
  await Promise.all(
    [...byRepo].map(async ([repoPath, group]) => {
      // Notes often outlive the checkout they describe (another machine, a deleted clone).
      if (!(await stat(repoPath).catch(() => null))?.isDirectory()) return;
      const head = await blobHashesAtHead(repoPath, group.flatMap(({ pin }) => pin.sources.map((source) => source.path)));
      if (!head) return;
      for (const { id, pin } of group) verdicts.set(id, judge(pin, head));
    }),
  );
  return verdicts;
}

function judge(pin: Pinned, head: { commit: string; blobs: Map<string, string> }): NoteStaleness {
  if (sameHash(pin.commit, head.commit)) return NOT_STALE;
  const changed = pin.sources.filter((source) => !sameHash(source.blob, head.blobs.get(source.path))).map((source) => source.path);
  if (changed.length === 0) return NOT_STALE;
  const files = pin.sources.length === 1 ? 'source file' : 'source files';
  return {
    stale: true,
    reason: `${changed.length} of ${pin.sources.length} ${files} changed since ${short(pin.commit)} (now ${short(head.commit)})`,
    changed,
  };
}

/** Git hashes are equal; one written short (by hand, at least 7 digits) matches its full form. */
function sameHash(recorded: string, now: string | undefined): boolean {
  if (now === undefined) return false;
  const a = recorded.toLowerCase();
  const b = now.toLowerCase();
  return a.length >= 7 && (a.startsWith(b) || b.startsWith(a));
}

function short(commit: string): string {
  return commit.slice(0, 7);
}
