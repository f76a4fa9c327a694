// Ana and Ben share a notebook through a bare remote; both edited one note's body since Ben cloned
// it, and Ana pushed hers: Ben's next sync keeps both sides. For the e2e spec and the screenshots.
import { setUpNotebookRepo } from '../../electron/core/sync/notebook-repo';
import { bareRemote, commitFile, git, noteId, noteText, teammate } from './teammates';

export const CONFLICTED_NOTE = 'ky/2026-12-01-routing.md';

export async function conflictingTeam(): Promise<{ ana: string; ben: string; remote: string }> {
  const remote = await bareRemote();
  const ana = await teammate(remote, 'ana');
  const id = noteId();
  const note = (body: string) => noteText({ id, title: 'How does routing work?', tags: ['http'] }, body);
  await setUpNotebookRepo(ana, { transcripts: false, artifacts: false });
  await commitFile(ana, CONFLICTED_NOTE, note('The router reads the path.\n'));
  git(ana, 'push', '-q', '-u', 'origin', 'main');
  const ben = await teammate(remote, 'ben');
  await commitFile(ana, CONFLICTED_NOTE, note('Ana found that the router matches a quokka trie.\n\n- one node per path segment\n- params as wildcard nodes\n'));
  git(ana, 'push', '-q');
  await commitFile(ben, CONFLICTED_NOTE, note('Ben found that the router walks a wombat list.\n\nEach route is tried in order until one matches.\n'));
  return { ana, ben, remote };
}
