// The agents Fieldnotes knows: the three CLIs and, when configured, a custom command.
import type { AgentAdapter } from './agent-adapter';
import { claudeCode } from './claude-code';
import { codex } from './codex';
import { createCustomCommand, type CustomCommandConfig } from './custom-command';
import { gemini } from './gemini';

export interface AgentRegistry {
  list(): readonly AgentAdapter[];
  get(id: string): AgentAdapter | undefined;
}

export function createAgentRegistry(options: { custom?: CustomCommandConfig } = {}): AgentRegistry {
  const adapters: AgentAdapter[] = [claudeCode, codex, gemini];
  if (options.custom) adapters.push(createCustomCommand(options.custom));
  return {
    list: () => adapters,
    get: (id) => adapters.find((adapter) => adapter.id === id),
  };
}
