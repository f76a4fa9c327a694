// The agents a question goes to unless others are chosen in the composer.
import { useId } from 'react';
import type { TaskSettings } from '../../../../shared/contract/settings';
import { fieldMessage, useAgents, useUpdateSettings } from './use-settings';

export function DefaultAgentsSetting({ settings }: { settings: TaskSettings }) {
  const id = useId();
  const agents = useAgents().data ?? [];
  const save = useUpdateSettings();
  const error = fieldMessage(save.error);
  const chosen = settings.defaultAgents;
  const toggle = (id: string, on: boolean): void => save.mutate({ defaultAgents: on ? [...chosen, id] : chosen.filter((each) => each !== id) });
  return (
    <div className="setting" role="group" aria-labelledby={id}>
      <span className="setting-label" id={id}>
        Ask by default
      </span>
      <div className="default-agents-options">
        {agents.map((agent) => (
          <label key={agent.id}>
            <input type="checkbox" checked={chosen.includes(agent.id)} onChange={(event) => toggle(agent.id, event.target.checked)} />
            {agent.label}
            {!agent.available && <span className="faint"> (not available)</span>}
          </label>
        ))}
      </div>
      <p className="setting-hint">The agents a new question is asked of; the composer can choose others each time.</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
