// The interface every cloud agent implements (Jules, Copilot coding agent, Codex Cloud), beside the
// local one in agent-adapter.ts: what differs is made explicit. A cloud agent runs at its service,
// on the pushed branch of the repository's GitHub remote, for minutes to hours; Fieldnotes sends
// the question, follows the task by polling, and brings back its final message, diff and PR.
import type { Usage } from '../../../../shared/model/note';
import type { Env } from '../agent-adapter';

/** The GitHub repository and branch the agent works on (as the service sees it, not this disk). */
export interface CloudRepo {
  owner: string;
  name: string;
  branch: string;
  /** The local commit the question was asked at (pushed: the branch at the remote has it). */
  commit: string;
}

/** Where a cloud task stands, in Fieldnotes' words; `detail` keeps the service's own. */
export type CloudState = 'queued' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled' | 'timed_out';

export interface CloudStatus {
  state: CloudState;
  /** The service's own word for the state (`IN_PROGRESS`), shown on the task card. */
  detail: string;
  /** The agent's final (or latest) message. */
  message?: string;
  /** The unified diff of its changes, once there is one. */
  diff?: string;
  /** The pull request it opened. */
  pr?: string;
  usage?: Usage;
  /** Why it failed, or what it waits for, in words for the person. */
  reason?: string;
}

export interface Dispatched {
  /** The task's id at the service, kept in the note (`agent.task_id`) to follow it after a restart. */
  id: string;
  /** Its page at the service (`agent.task_url`). */
  url: string;
}

export interface DispatchRequest {
  prompt: string;
  repo: CloudRepo;
  /** poc: the agent may change code and open a pull request; explain: it answers only. */
  mode: 'explain' | 'poc';
  /** A short title for the task at the service. */
  title: string;
}

/** What a cloud agent needs from the engine: the environment, settings, and the sign-in it found. */
export interface CloudContext {
  env: Env;
  /** The credential (API key, token); undefined for an agent whose CLI keeps its own sign-in. */
  credential: string | undefined;
  /** The service's base URL from the settings, when set. */
  baseUrl?: string;
  /** Codex Cloud's environment id from the settings. */
  environment?: string;
  /** An explicit executable (Codex Cloud's `codex`), when the settings give one. */
  executable?: string;
}

/** Why a service call failed, with what to do; `retryAfterMs` for a rate limit the engine waits out. */
export type CloudErrorCode = 'SIGN_IN' | 'RATE_LIMITED' | 'NOT_FOUND' | 'SERVICE' | 'SETUP';

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** Where a credential may come from, in the order they are tried. */
export interface CredentialSources {
  /** Environment variables, the first one set wins (`JULES_API_KEY`). */
  env: readonly string[];
  /** A command that prints it (`gh auth token`). */
  command?: readonly string[];
  /** Whether Settings can keep one (encrypted) for this agent. */
  stored: boolean;
  /** What it is called, for the person ("API key", "token"). */
  name: string;
}

/** One cloud agent: its id, label, where its credential comes from, and the service calls. */
export interface CloudAgent {
  /** Stable id, stored in notes (`agent.id`): `jules`, `copilot`, `codex-cloud`. */
  readonly id: string;
  readonly label: string;
  /** Where the question and the code go, in words for the person ("Google's Jules service"). */
  readonly service: string;
  /** How to sign in, in words for the person. */
  readonly signIn: string;
  /** Null for an agent whose CLI keeps its own sign-in (Codex Cloud). */
  readonly credentials: CredentialSources | null;
  /** The CLI it runs (Codex Cloud's `codex`); Settings can give its executable's path (`agentPaths`). */
  readonly command?: string;
  /** The setting that points it at another server (tests, GitHub Enterprise). */
  readonly baseUrlSetting?: 'julesBaseUrl' | 'githubApiUrl';
  /** Whether `cancel` stops the task at the service. */
  readonly cancels: boolean;
  /** Whether the agent can be used here (its CLI is installed, its environment is set); a reason when not. */
  ready?(context: CloudContext): Promise<{ ok: true; version?: string } | { ok: false; reason: string }>;
  dispatch(request: DispatchRequest, context: CloudContext): Promise<Dispatched>;
  poll(id: string, context: CloudContext): Promise<CloudStatus>;
  cancel?(id: string, context: CloudContext): Promise<void>;
}

/** States after which nothing changes any more. */
export function isFinal(state: CloudState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled' || state === 'timed_out';
}
