// The sidebar's way to the Sessions view: the agents' own sessions, to bring into the notebook.
import { History } from 'lucide-react';
import { openSessions } from '../app/use-route';

export function SessionsNavItem({ active }: { active: boolean }) {
  return (
    <button
      type="button"
      className={`sidebar-item${active ? ' is-active' : ''}`}
      onClick={openSessions}
      aria-current={active ? 'page' : undefined}
      title="The sessions Claude Code, Codex and Gemini CLI wrote on this machine"
    >
      <History />
      <span className="sidebar-item-label">Sessions</span>
    </button>
  );
}
