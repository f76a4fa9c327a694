// Finding a cloud agent's credential where the person already has it: an environment variable,
// a CLI's sign-in (`gh auth token`), or the one kept from Settings (secret-store.ts).
import { execFile } from 'node:child_process';
import type { Env } from '../agent-adapter';
import type { CloudAgent } from './cloud-agent';
import type { SecretStore } from './secret-store';

export interface FoundCredential {
  value: string;
  /** Where it came from, in words (`JULES_API_KEY`, `gh auth token`, `Settings`): never the value. */
  source: string;
}

/** The first credential found for the agent, in the order of its sources; undefined when none. */
export async function findCredential(agent: CloudAgent, env: Env, store: SecretStore | undefined): Promise<FoundCredential | undefined> {
  const sources = agent.credentials;
  if (!sources) return undefined;
  for (const name of sources.env) {
    const value = env[name]?.trim();
    if (value) return { value, source: name };
  }
  if (sources.command) {
    const value = await printed(sources.command, env);
    if (value) return { value, source: sources.command.join(' ') };
  }
  if (sources.stored) {
    const value = await store?.get(agent.id);
    if (value) return { value, source: 'Settings' };
  }
  return undefined;
}

/** What a command prints on success (its first line), or undefined when it is missing or fails. */
function printed(argv: readonly string[], env: Env): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(argv[0]!, argv.slice(1), { env: env as NodeJS.ProcessEnv, timeout: 10_000, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : stdout.split('\n')[0]?.trim() || undefined);
    });
  });
}
