// What an agent may do in a task, in plain words for the person asking: it must be true of the argv
// the adapters build (see their header comments), per agent and per mode.
import { homedir } from 'node:os';
import type { NoteMode } from '../../../shared/model/note';
import { CUSTOM_AGENT_ID } from '../agents/installed-agents';

export interface PermissionsInput {
  agent: string;
  /** The agent's name for people ("Claude Code"). */
  label: string;
  mode: NoteMode;
  /** The folder the agent works in: the repo (explain) or the scratch checkout (poc). */
  dir: string;
  /** poc: whether Claude Code's command sandbox can run here (bubblewrap and socat on Linux). */
  claudeSandbox?: boolean;
}

export function describePermissions({ agent, label, mode, dir, claudeSandbox }: PermissionsInput): string {
  const where = tilde(dir);
  if (mode === 'explain') {
    switch (agent) {
      case 'claude-code':
        return `Read-only: may read and search files in ${where} (Read, Grep and Glob only); cannot change anything or run commands.`;
      case 'codex':
        return `Read-only: may read files and run commands in ${where} inside Codex's read-only sandbox; cannot change anything. Network: none.`;
      case 'gemini':
        return `Read-only: may read and search files in ${where} (Gemini's plan mode); cannot change anything or run commands.`;
      default:
        return custom(label, where);
    }
  }
  const scratch = `inside the scratch checkout ${where}; your working tree is never touched`;
  switch (agent) {
    case 'claude-code':
      return claudeSandbox
        ? `May edit files and run commands ${scratch}. Commands run in Claude Code's sandbox, which can write only there. `
          + 'Network: only the domains your Claude Code settings allow.'
        : `May edit files ${scratch}. Claude Code has no command sandbox on this machine (on Linux it needs bubblewrap and socat), `
          + 'so commands that need approval are refused. Network: no commands, so none from the shell.';
    case 'codex':
      return `May edit files and run commands ${scratch} (Codex's workspace-write sandbox). Network: none.`;
    case 'gemini':
      return `May edit files ${scratch}; cannot run shell commands (nobody is there to confirm them). `
        + 'Network: no shell, so none beyond Gemini CLI’s own web tools.';
    default:
      return custom(label, where, true);
  }
}

function custom(label: string, where: string, scratch = false): string {
  const id = label || CUSTOM_AGENT_ID;
  return `Runs ${id} in ${where}${scratch ? ' (a scratch checkout; your working tree is never touched)' : ''}. `
    + 'Fieldnotes cannot limit what a custom command reads, writes or sends: it has your permissions.';
}

/** `~/src/ky` rather than `/home/me/src/ky`: shorter, and the same thing to the reader. */
function tilde(dir: string): string {
  const home = homedir();
  return dir === home || dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir;
}
