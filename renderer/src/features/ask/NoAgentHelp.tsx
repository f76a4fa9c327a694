// What to do when no agent is installed: which CLIs Fieldnotes can use and how to install them, or
// a custom command; then look again without restarting.
import { RefreshCw, Settings, TriangleAlert } from 'lucide-react';
import { Button } from '../../components/Button';
import { CopyText } from '../../components/CopyText';
import { openSettings } from '../app/use-route';
import { useAgents, useRefreshAgents } from '../settings/use-settings';
import { closeComposer } from './ask-store';
import { isCommand } from './AgentPicker';
import './NoAgentHelp.css';

export function NoAgentHelp() {
  const agents = useAgents().data ?? [];
  const refresh = useRefreshAgents();
  const installable = agents.filter((agent) => agent.installHint && isCommand(agent.installHint));
  return (
    <div className="no-agent" role="note">
      <TriangleAlert aria-hidden className="no-agent-icon" />
      <div>
        <p>
          <strong>No coding agent is installed.</strong> Fieldnotes sends questions to the agent CLIs on this machine. Install
          one (it needs its own sign-in or API key), then look again:
        </p>
        <ul>
          {installable.map((agent) => (
            <li key={agent.id}>
              <span className="no-agent-label">{agent.label}</span>
              <CopyText text={agent.installHint!} label={`the install command for ${agent.label}`} />
            </li>
          ))}
        </ul>
        <p>Or use any command that reads a prompt on stdin and writes Markdown on stdout, as a custom command in Settings.</p>
        <div className="no-agent-actions">
          <Button size="sm" icon={<RefreshCw />} onClick={() => refresh.mutate()} disabled={refresh.isPending}>
            {refresh.isPending ? 'Looking…' : 'Look again'}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<Settings />}
            onClick={() => {
              closeComposer();
              openSettings();
            }}
          >
            Settings
          </Button>
        </div>
      </div>
    </div>
  );
}
