// Settings: what agents may do with the notebook over MCP: consult it during Fieldnotes' own tasks,
// ask for research of their own, and the commands that register `fieldnotes mcp` with your agents.
import type { TaskSettings } from '../../../../shared/contract/settings';
import { fieldMessage, useAgents, useUpdateSettings } from './use-settings';

export function NotebookForAgentsSection({ settings }: { settings: TaskSettings }) {
  const save = useUpdateSettings();
  const error = fieldMessage(save.error);
  const agents = (useAgents().data ?? []).filter((agent) => agent.mcpAdd);
  return (
    <section className="settings-section" aria-labelledby="settings-notebook-agents">
      <h2 id="settings-notebook-agents">The notebook for agents</h2>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.consultNotebook} onChange={(event) => save.mutate({ consultNotebook: event.target.checked })} />
          Let agents consult the notebook
        </label>
        <p className="setting-hint">
          Tasks Fieldnotes runs give their agent the notebook’s search and read tools for that run (your agent’s own configuration is not touched). The note
          lists the notes it read.
        </p>
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.askResearch} onChange={(event) => save.mutate({ askResearch: event.target.checked })} />
          Let agents ask for research
        </label>
        <p className="setting-hint">Agents connected to <code>fieldnotes mcp</code> can dispatch a task of their own (ask_research); it waits in the same queue.</p>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="setting">
        <span className="setting-label">Use the notebook from your own agents</span>
        <p className="setting-hint">Run one of these in a terminal (or the agent’s own command beside it); <code>fieldnotes mcp uninstall --agent …</code> takes it back.</p>
        <ul className="mcp-install-commands" aria-label="Commands that register the notebook with your agents">
          {agents.map((agent) => (
            <li key={agent.id}>
              <span className="setting-label">{agent.label}</span>
              <code>fieldnotes mcp install --agent {agent.id}</code>
              <code className="faint">{agent.mcpAdd}</code>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
