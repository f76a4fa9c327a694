// What an agent may do in a task, in plain words for the person asking: its adapter's terms for the
// mode, said of the folder the task works in and of this machine (whether the agent's sandbox runs).
import { homedir } from 'node:os';
import type { NoteMode } from '../../../shared/model/note';
import type { InstalledAgent } from '../agents/installed-agents';

export function describePermissions(agent: Pick<InstalledAgent, 'adapter' | 'sandboxed'>, mode: NoteMode, dir: string): string {
  return agent.adapter.capabilities.modes[mode].terms(tilde(dir), agent.sandboxed);
}

/** `~/src/ky` rather than `/home/me/src/ky`: shorter, and the same thing to the reader. */
function tilde(dir: string): string {
  const home = homedir();
  return dir === home || dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir;
}
