// The window a bundle is weighed against: the context window of the agent a question goes to by
// default (Settings sets a window per agent or model; 200k tokens when none is set).
import { contextWindowOf, DEFAULT_CONTEXT_WINDOW } from '../../../../shared/context/context-window';
import { useAgentLabels, useSettings } from '../settings/use-settings';

export interface ContextWindow {
  tokens: number;
  /** Whose window it is, for people: "Claude Code". */
  target: string;
}

export function useContextWindow(): ContextWindow {
  const settings = useSettings().data?.tasks;
  const label = useAgentLabels();
  const agent = settings?.defaultAgents[0];
  if (!settings || !agent) return { tokens: DEFAULT_CONTEXT_WINDOW, target: 'the agent' };
  return { tokens: contextWindowOf(settings, agent), target: label(agent) };
}
