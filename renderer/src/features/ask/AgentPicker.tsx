// Which agents to ask. Installed ones with their versions; missing ones greyed out, with why and
// how to install them. Several checked = fan-out: one task and one note each, linked as siblings.
import { Cloud, Settings } from 'lucide-react';
import type { AgentInfo } from '../../../../shared/contract/tasks';
import { CodeSpans } from '../../components/CodeSpans';
import { CopyText } from '../../components/CopyText';
import { openSettings } from '../app/use-route';
import { closeComposer } from './ask-store';

interface AgentPickerProps {
  agents: AgentInfo[];
  chosen: string[];
  onChange: (agents: string[]) => void;
  /** False while the default agents are still loading: a click then could be undone by them. */
  settled: boolean;
}

/** An install hint is a command to copy when it looks like one ("npm install -g …"). */
export function isCommand(hint: string): boolean {
  return /^(npm|npx|pnpm|yarn|brew|pip|pipx|cargo|go|curl) /.test(hint);
}

export function AgentPicker({ agents, chosen, onChange, settled }: AgentPickerProps) {
  const toggle = (id: string, on: boolean): void => onChange(on ? [...chosen, id] : chosen.filter((each) => each !== id));
  // Installed agents first: they are the choice; the others say how to get them.
  const ordered = [...agents.filter((agent) => agent.available), ...agents.filter((agent) => !agent.available)];
  return (
    <fieldset className="agent-picker" disabled={!settled} aria-busy={!settled}>
      <legend>
        Agents
        {chosen.length > 1 && <span className="agent-picker-fanout">one note each, linked as siblings</span>}
      </legend>
      <ul>
        {ordered.map((agent) => (
          <li key={agent.id} className={`agent-option${agent.available ? '' : ' is-unavailable'}`}>
            <label>
              <input
                type="checkbox"
                checked={agent.available && chosen.includes(agent.id)}
                disabled={!agent.available}
                onChange={(event) => toggle(agent.id, event.target.checked)}
              />
              <span className="agent-option-label">{agent.label}</span>
              {agent.cloud && (
                <span className="agent-option-cloud" title={`Runs at ${agent.cloud.service}`}>
                  <Cloud aria-hidden /> cloud
                </span>
              )}
              {agent.available ? (
                <span className="agent-option-version">{agent.version ?? (agent.cloud ? 'signed in' : 'installed')}</span>
              ) : (
                <span className="agent-option-version">not available</span>
              )}
            </label>
            {!agent.available && (
              <div className="agent-option-help">
                {agent.reason && (
                  <span>
                    <CodeSpans text={agent.reason} />
                  </span>
                )}
                {agent.installHint &&
                  (isCommand(agent.installHint) ? (
                    <CopyText text={agent.installHint} label={`the install command for ${agent.label}`} />
                  ) : (
                    <span>
                      <CodeSpans text={agent.installHint} />
                    </span>
                  ))}
                {/* No command of its own: its command line (or a cloud agent's sign-in) is set up in Settings. */}
                {agent.command === undefined && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      closeComposer();
                      openSettings();
                    }}
                  >
                    <Settings aria-hidden /> Settings
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
