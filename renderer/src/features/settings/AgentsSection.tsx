// The agent CLIs: whether each was found (where, which version) or how to install it, an
// executable path for one that is not on PATH, and "Look again" after installing one.
import { CheckCircle2, CircleSlash, RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import type { TaskSettings } from '../../../../shared/contract/settings';
import type { AgentInfo } from '../../../../shared/contract/tasks';
import { Button } from '../../components/Button';
import { CodeSpans } from '../../components/CodeSpans';
import { CopyText } from '../../components/CopyText';
import { isCommand } from '../ask/AgentPicker';
import { fieldMessage, useAgents, useRefreshAgents, useUpdateSettings } from './use-settings';

export function AgentsSection({ settings }: { settings: TaskSettings }) {
  const agents = useAgents();
  const refresh = useRefreshAgents();
  // The agents with a command of their own; the custom command has its own section.
  const clis = (agents.data ?? []).filter((agent) => agent.command !== undefined);
  return (
    <section className="settings-section" aria-labelledby="settings-agents">
      <div className="settings-section-head">
        <h2 id="settings-agents">Agents</h2>
        <Button size="sm" variant="secondary" icon={<RefreshCw />} onClick={() => refresh.mutate()} disabled={refresh.isPending}>
          {refresh.isPending ? 'Looking…' : 'Look again'}
        </Button>
      </div>
      <p className="settings-intro">
        Fieldnotes runs the agent CLIs installed on this machine, with your environment. It looks for them on PATH; give the
        full path of one that is elsewhere.
      </p>
      {agents.data === undefined && <p className="settings-intro">Looking for agents…</p>}
      {clis.map((agent) => (
        <AgentRow key={agent.id} agent={agent} settings={settings} />
      ))}
    </section>
  );
}

function AgentRow({ agent, settings }: { agent: AgentInfo; settings: TaskSettings }) {
  const { id } = agent;
  const inputId = useId();
  const saved = settings.agentPaths[id] ?? '';
  const [path, setPath] = useState<string | null>(null);
  const save = useUpdateSettings();
  const error = fieldMessage(save.error);

  const commit = (): void => {
    if (path === null || path.trim() === saved) return setPath(null);
    const agentPaths = { ...settings.agentPaths };
    if (path.trim() === '') delete agentPaths[id];
    else agentPaths[id] = path.trim();
    save.mutate({ agentPaths }, { onSuccess: () => setPath(null) });
  };

  return (
    <div className="agent-row">
      <div className="agent-row-head">
        {agent.available ? <CheckCircle2 className="agent-found" aria-hidden /> : <CircleSlash className="agent-missing" aria-hidden />}
        <strong>{agent.label}</strong>
        <span className="agent-row-status">
          {agent.available ? [agent.version, agent.path].filter(Boolean).join(' · ') : <CodeSpans text={agent.reason ?? ''} />}
        </span>
      </div>
      {!agent.available && agent.installHint && isCommand(agent.installHint) && (
        <div className="agent-row-install">
          Install: <CopyText text={agent.installHint} label={`the install command for ${agent.label}`} />
        </div>
      )}
      <div className="agent-row-path">
        <label htmlFor={inputId}>Executable</label>
        <input
          id={inputId}
          className={error ? 'is-invalid' : undefined}
          value={path ?? saved}
          placeholder={agent.available ? `found on PATH: ${agent.path ?? agent.command}` : `its full path, like /usr/local/bin/${agent.command}`}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          onChange={(event) => setPath(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
