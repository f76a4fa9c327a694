// The environment (and throwaway config) that points each real agent CLI at a scripted model
// server on 127.0.0.1, with one attempt per request so a scripted failure fails at once.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { baseEnv, type Tripwire, type Workspace } from './harness';

export const CLAUDE_API_KEY = 'sk-ant-scripted-0123456789';

export function claudeCodeEnv(workspace: Workspace, tripwire: Tripwire, serverUrl: string): Env {
  return {
    ...baseEnv(workspace, tripwire),
    CLAUDE_CONFIG_DIR: path.join(workspace.root, 'claude-config'),
    ANTHROPIC_BASE_URL: serverUrl,
    ANTHROPIC_API_KEY: CLAUDE_API_KEY,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    // One attempt: a scripted HTTP 500 fails at once instead of after minutes of backoff.
    CLAUDE_CODE_MAX_RETRIES: '0',
  };
}

/** A throwaway CODEX_HOME whose provider points at the server. */
export async function codexEnv(workspace: Workspace, tripwire: Tripwire, serverUrl: string): Promise<Env> {
  const home = path.join(workspace.root, 'codex-home');
  await mkdir(home, { recursive: true });
  await writeFile(path.join(home, 'config.toml'), [
    // A model Codex knows, so it offers its usual tools (apply_patch among them).
    'model = "gpt-5.5"',
    'model_provider = "scripted"',
    'check_for_update_on_startup = false',
    '',
    '[model_providers.scripted]',
    'name = "Scripted"',
    `base_url = "${serverUrl}/v1"`,
    'wire_api = "responses"',
    'env_key = "SCRIPTED_API_KEY"',
    // One attempt: a scripted HTTP 500 fails at once instead of after backoff.
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
    '[analytics]',
    'enabled = false',
    '',
    // Plugin and app sync fetch from github.com and chatgpt.com at start.
    '[features]',
    'plugins = false',
    'remote_plugin = false',
    'apps = false',
    '',
  ].join('\n'));
  return { ...baseEnv(workspace, tripwire), CODEX_HOME: home, SCRIPTED_API_KEY: 'sk-scripted-0123456789' };
}

/**
 * A throwaway GEMINI_CLI_HOME with api-key auth selected. `model` pins a model in its settings:
 * with the default ("auto"), Gemini CLI retries an HTTP 500 three times, then falls back to Flash
 * for more, with backoff, whatever general.maxAttempts says.
 */
export async function geminiEnv(workspace: Workspace, tripwire: Tripwire, serverUrl: string, options: { model?: string } = {}): Promise<Env> {
  const home = path.join(workspace.root, 'gemini-home');
  await mkdir(path.join(home, '.gemini'), { recursive: true });
  await writeFile(path.join(home, '.gemini', 'settings.json'), JSON.stringify({
    // Headless runs need an auth type chosen here: GOOGLE_GEMINI_BASE_URL alone selects "gateway", which -p refuses.
    security: { auth: { selectedType: 'gemini-api-key' } },
    privacy: { usageStatisticsEnabled: false },
    telemetry: { enabled: false },
    // One attempt: a scripted HTTP 500 fails at once instead of after ten.
    general: { enableAutoUpdate: false, enableAutoUpdateNotification: false, maxAttempts: 1 },
    ...(options.model ? { model: { name: options.model } } : {}),
  }, null, 2));
  return { ...baseEnv(workspace, tripwire), GEMINI_CLI_HOME: home, GEMINI_API_KEY: 'gemini-scripted-0123456789', GOOGLE_GEMINI_BASE_URL: serverUrl };
}
