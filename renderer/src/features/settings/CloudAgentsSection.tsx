// The cloud agents (Codex Cloud, Jules, Copilot coding agent): whether each can be used and how to
// sign in, a credential entered once (kept by the engine outside the notebook and the settings
// file, encrypted by the OS keychain in the desktop app), and Codex Cloud's environment.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, CircleSlash, Cloud } from 'lucide-react';
import { useId, useState } from 'react';
import type { TaskSettings } from '../../../../shared/contract/settings';
import type { AgentInfo } from '../../../../shared/contract/tasks';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { CodeSpans } from '../../components/CodeSpans';
import { fieldMessage, settingsKeys, useAgents, useUpdateSettings } from './use-settings';

export function CloudAgentsSection({ settings }: { settings: TaskSettings }) {
  const agents = useAgents();
  const cloud = (agents.data ?? []).filter((agent) => agent.cloud);
  if (cloud.length === 0) return null;
  return (
    <section className="settings-section" aria-labelledby="settings-cloud">
      <h2 id="settings-cloud">Cloud agents</h2>
      <p className="settings-intro">
        They run at their services, on the GitHub repository of the codebase (its branch as pushed): the question and the code
        leave this machine. Fieldnotes follows each task and brings its result back as a note.
      </p>
      {cloud.map((agent) => (
        <CloudAgentRow key={agent.id} agent={agent} settings={settings} />
      ))}
    </section>
  );
}

function CloudAgentRow({ agent, settings }: { agent: AgentInfo; settings: TaskSettings }) {
  const inputId = useId();
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const keep = useMutation({
    mutationFn: (credential: string | null) => api.agents.setCredential({ agent: agent.id, credential }),
    onSuccess: () => {
      setValue('');
      void queryClient.invalidateQueries({ queryKey: settingsKeys.agents });
    },
  });
  const error = fieldMessage(keep.error);
  const credential = agent.cloud?.credential;
  return (
    <div className="agent-row">
      <div className="agent-row-head">
        {agent.available ? <CheckCircle2 className="agent-found" aria-hidden /> : <CircleSlash className="agent-missing" aria-hidden />}
        <strong>{agent.label}</strong>
        <span className="agent-row-status">
          <Cloud aria-hidden className="agent-row-cloud" /> {agent.available ? (agent.version ? `ready · ${agent.version}` : 'signed in') : 'not ready'}
        </span>
      </div>
      {!agent.available && agent.cloud && (
        <p className="agent-row-help">
          <CodeSpans text={agent.reason ?? ''} />{' '}
          {agent.reason?.includes('not signed in') && <CodeSpans text={agent.cloud.signIn} />}
        </p>
      )}
      {credential && (
        <form
          className="agent-row-path"
          onSubmit={(event) => {
            event.preventDefault();
            if (value.trim()) keep.mutate(value.trim());
          }}
        >
          <label htmlFor={inputId}>{credential}</label>
          <input
            id={inputId}
            type="password"
            className={error ? 'is-invalid' : undefined}
            value={value}
            placeholder={agent.available ? 'signed in; enter another to replace it' : `paste the ${credential}`}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setValue(event.target.value)}
          />
          <Button size="sm" variant="secondary" type="submit" disabled={keep.isPending || value.trim() === ''}>
            Keep
          </Button>
          <Button size="sm" variant="ghost" type="button" disabled={keep.isPending} onClick={() => keep.mutate(null)}>
            Forget
          </Button>
        </form>
      )}
      {agent.id === 'codex-cloud' && <CodexEnvironment settings={settings} />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Codex Cloud runs in one of the person's Codex environments; `codex cloud` lists them. */
function CodexEnvironment({ settings }: { settings: TaskSettings }) {
  const inputId = useId();
  const saved = settings.cloud?.codexEnvironment ?? '';
  const [value, setValue] = useState<string | null>(null);
  const save = useUpdateSettings();
  const queryClient = useQueryClient();
  const error = fieldMessage(save.error);
  const commit = (): void => {
    if (value === null || value.trim() === saved) return setValue(null);
    const cloud = { ...settings.cloud };
    if (value.trim() === '') delete cloud.codexEnvironment;
    else cloud.codexEnvironment = value.trim();
    save.mutate({ cloud }, { onSuccess: () => { setValue(null); void queryClient.invalidateQueries({ queryKey: settingsKeys.agents }); } });
  };
  return (
    <>
      <div className="agent-row-path">
        <label htmlFor={inputId}>Environment</label>
        <input
          id={inputId}
          value={value ?? saved}
          placeholder="its id, as `codex cloud` lists it"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setValue(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
