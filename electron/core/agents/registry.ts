// The agents Fieldnotes knows: the CLIs and the custom command from the settings. A new agent is
// its adapter and one line in BUILT_IN; engine, CLI and UI learn everything else from the adapter.
import type { AgentAdapter } from './agent-adapter';
import { CLOUD_AGENTS } from './cloud/cloud-agents';
import { claudeCode } from './claude-code';
import { codex } from './codex';
import { createCustomCommand, type CustomCommandConfig } from './custom-command';
import { gemini } from './gemini';

/** The agent CLIs, in the order the app lists them. */
const BUILT_IN: readonly AgentAdapter[] = [claudeCode, codex, gemini];

export interface AgentRegistry {
  list(): readonly AgentAdapter[];
  get(id: string): AgentAdapter | undefined;
}

export interface RegistryOptions {
  /** The custom command as the settings configure it; absent or null while none is set up. */
  custom?: CustomCommandConfig | null;
  /** More adapters, listed after the built-in ones (tests register throwaway agents this way). */
  extra?: readonly AgentAdapter[];
}

export function createAgentRegistry(options: RegistryOptions = {}): AgentRegistry {
  const adapters = [...BUILT_IN, ...(options.extra ?? []), createCustomCommand(options.custom ?? null)];
  const ids = new Set<string>();
  for (const { id } of adapters) {
    if (ids.has(id)) throw new Error(`Two agents have the id “${id}”.`);
    ids.add(id);
  }
  return {
    list: () => adapters,
    get: (id) => adapters.find((adapter) => adapter.id === id),
  };
}

/** Every agent id Fieldnotes knows, as `fieldnotes ask --help` names them: the CLIs, the custom command, then the cloud agents. */
export function knownAgentIds(): string[] {
  return [...createAgentRegistry().list(), ...CLOUD_AGENTS].map((agent) => agent.id);
}
