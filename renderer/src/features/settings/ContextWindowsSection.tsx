// The context window of each agent, in tokens: "Copy as context" weighs a bundle against the
// window of the agent questions go to by default, warns over it, and offers to trim.
import { contextWindowOf, DEFAULT_CONTEXT_WINDOW } from '../../../../shared/context/context-window';
import type { TaskSettings } from '../../../../shared/contract/settings';
import { formatTokens } from '../../lib/format';
import { NumberSetting } from './NumberSetting';
import { useAgents } from './use-settings';

export function ContextWindowsSection({ settings }: { settings: TaskSettings }) {
  const agents = useAgents().data ?? [];
  const target = settings.defaultAgents[0];
  return (
    <section className="settings-section" aria-labelledby="settings-context-windows">
      <h2 id="settings-context-windows">Context windows</h2>
      <p className="settings-intro">
        {`Copy as context weighs the notes you copy against the window of the agent questions go to by default, warns when they are over it, and offers to trim them. ${formatTokens(DEFAULT_CONTEXT_WINDOW)} tokens unless set here (a model's own window can be set by its name in the settings file).`}
      </p>
      {agents.map((agent) => (
        <NumberSetting
          key={agent.id}
          setting={(tokens) => ({ contextWindows: { ...settings.contextWindows, [agent.id]: tokens } })}
          label={agent.label}
          unit="tokens"
          value={contextWindowOf(settings, agent.id)}
          hint={agent.id === target ? 'Questions go to this agent by default: bundles are weighed against its window.' : `Used when ${agent.label} is the first default agent.`}
        />
      ))}
    </section>
  );
}
