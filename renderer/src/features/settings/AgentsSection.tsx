// The agent CLIs: whether each was found (where, which version) or how to install it, an
// executable path for one that is not on PATH, and "Look again" after installing one.
import { CheckCircle2, CircleSlash, RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import { CLI_AGENT_IDS } from '../../../../shared/contract/agent-ids';
import type { TaskSettings } from '../../../../shared/contract/settings';
import type { AgentInfo } from '../../../../shared/contract/tasks';
import { Button } from '../../components/Button';
import { CodeSpans } from '../../components/CodeSpans';
import { CopyText } from '../../components/CopyText';
import { isCommand } from '../ask/AgentPicker';
import { fieldMessage, useAgents, useRefreshAgents, useUpdateSettings } from './use-settings';

type CliAgentId = (typeof CLI_AGENT_IDS)[number];

const COMMANDS: Record<CliAgentId, string> = { 'claude-code': 'claude', codex: 'codex', gemini: 'gemini' };

export function AgentsSection({ settings }: { settings: TaskSettings }) {
  const agents = useAgents();
  const refresh = useRefreshAgents();
  const byId = new Map((agents.data ?? []).map((agent) => [agent.id, agent]));
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
      {CLI_AGENT_IDS.map((id) => (
        <AgentRow key={id} id={id} agent={byId.get(id)} settings={settings} />
      ))}
    </section>
  );
}

function AgentRow({ id, agent, settings }: { id: CliAgentId; agent: AgentInfo | undefined; settings: TaskSettings }) {
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
        {agent?.available ? <CheckCircle2 className="agent-found" aria-hidden /> : <CircleSlash className="agent-missing" aria-hidden />}
        <strong>{agent?.label ?? id}</strong>
        <span className="agent-row-status">
          {agent === undefined ? 'looking…' : agent.available ? [agent.version, agent.path].filter(Boolean).join(' · ') : <CodeSpans text={agent.reason ?? ''} />}
        </span>
      </div>
      {agent && !agent.available && agent.installHint && isCommand(agent.installHint) && (
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
          placeholder={agent?.available ? `found on PATH: ${agent.path ?? COMMANDS[id]}` : `its full path, like /usr/local/bin/${COMMANDS[id]}`}
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
