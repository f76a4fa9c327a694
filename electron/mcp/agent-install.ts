// `fieldnotes mcp install|uninstall`: registers Fieldnotes' MCP server with the user's own agent
// through that agent's own command (`claude mcp add`, `codex mcp add`, `gemini mcp add`), whose
// facts live in its adapter, and reports exactly what was run and what it said.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ApiError } from '../../shared/contract/errors';
import type { AgentAdapter, McpScope } from '../core/agents/agent-adapter';
import { createAgentRegistry } from '../core/agents/registry';
import { SettingsStore } from '../core/settings';

export const SERVER_NAME = 'fieldnotes';

export interface InstallRequest {
  action: 'install' | 'uninstall';
  agent: string;
  scope?: McpScope;
  /** How to start `fieldnotes mcp` (install only). */
  server: { command: string; args: string[] };
  settingsFile: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface InstallReport {
  /** The command that was run, as one line to copy. */
  ran: string;
  output: string;
}

export async function installServer(request: InstallRequest): Promise<InstallReport> {
  const adapter = registeringAgent(request.agent);
  const registration = adapter.mcpRegistration!;
  const scope = request.scope ?? registration.scopes[0]!;
  if (!registration.scopes.includes(scope)) {
    throw new ApiError('BAD_INPUT', `${adapter.label} has no ${scope} scope for MCP servers; it offers: ${registration.scopes.join(', ')}.`);
  }
  const { agentPaths } = (await SettingsStore.peek(request.settingsFile)).tasks;
  const detection = await adapter.detect({ env: request.env, ...(agentPaths[adapter.id] ? { path: agentPaths[adapter.id] } : {}) });
  if (!detection.available || !detection.path) {
    throw new ApiError('UNAVAILABLE', `${adapter.label} is not available: ${detection.reason ?? 'not found'}. Install: ${adapter.installHint}`);
  }
  const args = request.action === 'install'
    ? registration.add({ name: SERVER_NAME, ...request.server }, scope)
    : registration.remove(SERVER_NAME, scope);
  const ran = [adapter.command ?? detection.path, ...args].map(shellWord).join(' ');
  try {
    const { stdout, stderr } = await promisify(execFile)(detection.path, args, { env: request.env, cwd: request.cwd, timeout: 60_000 });
    return { ran, output: `${stdout}${stderr}`.trim() };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    const said = `${failed.stdout ?? ''}${failed.stderr ?? ''}`.trim() || failed.message;
    throw new ApiError('UNAVAILABLE', `${ran} failed: ${said}`);
  }
}

function registeringAgent(id: string): AgentAdapter {
  const agents = createAgentRegistry().list().filter((adapter) => adapter.mcpRegistration);
  const adapter = agents.find((each) => each.id === id);
  if (!adapter) throw new ApiError('BAD_INPUT', `--agent must be one of ${agents.map((each) => each.id).join(', ')} (got “${id}”).`);
  return adapter;
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
