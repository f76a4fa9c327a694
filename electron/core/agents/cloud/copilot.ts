// The GitHub Copilot coding agent through GitHub's agent tasks REST API (public preview), called
// with fetch and a user token (GITHUB_TOKEN, `gh auth token`, or one kept from Settings).
//
// Facts, from "REST API endpoints for agent tasks" (https://docs.github.com/rest/agent-tasks/agent-tasks,
// API version 2022-11-28, public preview; the same schema as go-github's AgentTask types, github/agent_tasks.go,
// 2026) and "Using Copilot cloud agent via the API" (https://docs.github.com/copilot/how-tos/use-copilot-agents/cloud-agent/use-cloud-agent-via-the-api):
// - POST /agents/repos/{owner}/{repo}/tasks { prompt, base_ref, head_ref?, create_pull_request, model? };
//   GET …/tasks/{task_id}. There is no cancel or archive endpoint (create, list and get only).
// - A task: { id (string), url, html_url, name, state, session_count, artifacts[], archived_at,
//   created_at, updated_at, sessions[] }. `state`: queued, in_progress, completed, failed, idle,
//   waiting_for_user, timed_out, cancelled.
// - artifacts[]: { provider: "github", type, data }: type "branch" carries { head_ref, base_ref },
//   type "pull" carries { id, global_id } (the pull request's id, not its number). A new task has none.
// - sessions[]: { id, state, head_ref, base_ref, model, completed_at, error: { message } }: a failed
//   session's error is the only reason the API gives.
// - The task has no summary or final message: the agent's summary is the pull request's description,
//   found through the branch (GET /repos/{o}/{r}/pulls?head={owner}:{branch}&state=all), its diff from
//   GET /repos/{o}/{r}/pulls/{number} with `Accept: application/vnd.github.diff`.
// - Errors are { message, documentation_url, status }; rate limits are 403 or 429 with
//   x-ratelimit-remaining: 0 and x-ratelimit-reset (epoch seconds), or retry-after (service-http.ts).
import type { CloudAgent, CloudContext, CloudState, CloudStatus } from './cloud-agent';
import { CloudError } from './cloud-agent';
import { callService } from './service-http';

export const GITHUB_API_URL = 'https://api.github.com';
const SIGN_IN = 'Sign in with `gh auth login` (Fieldnotes uses `gh auth token`), set GITHUB_TOKEN to a user token with the “Agent tasks” permission, or enter one in Settings → Cloud agents.';

/** A task as the API documents it; only the fields Fieldnotes reads. */
interface AgentTask {
  id?: string;
  html_url?: string;
  name?: string;
  state?: string;
  artifacts?: Array<{ provider?: string; type?: string; data?: { id?: number; global_id?: string; head_ref?: string; base_ref?: string } | null }>;
  sessions?: Array<{ state?: string; head_ref?: string | null; error?: { message?: string } | null }>;
}

interface PullRequest {
  id?: number;
  number?: number;
  html_url?: string;
  body?: string | null;
}

const STATES: Record<string, CloudState> = {
  queued: 'queued',
  in_progress: 'running',
  idle: 'waiting',
  waiting_for_user: 'waiting',
  completed: 'done',
  failed: 'failed',
  timed_out: 'timed_out',
  cancelled: 'cancelled',
};

export const copilot: CloudAgent = {
  id: 'copilot',
  label: 'Copilot coding agent',
  service: "GitHub's Copilot coding agent",
  signIn: SIGN_IN,
  credentials: { env: ['GITHUB_TOKEN', 'GH_TOKEN'], command: ['gh', 'auth', 'token'], stored: true, name: 'GitHub token' },
  baseUrlSetting: 'githubApiUrl',
  cancels: false,

  async dispatch(request, context) {
    const { owner, name, branch } = request.repo;
    const task = await call<AgentTask>(context, `/agents/repos/${owner}/${name}/tasks`, {
      method: 'POST',
      body: { prompt: request.prompt, base_ref: branch, create_pull_request: request.mode === 'poc' },
    });
    if (task.id === undefined) throw new CloudError('SERVICE', 'GitHub created an agent task but did not say its id.');
    // The id carries the repository, for every later call is made under it.
    return { id: `${owner}/${name}/${task.id}`, url: task.html_url ?? `https://github.com/${owner}/${name}/pulls` };
  },

  async poll(id, context) {
    const [owner, name, taskId] = splitId(id);
    const task = await call<AgentTask>(context, `/agents/repos/${owner}/${name}/tasks/${encodeURIComponent(taskId)}`);
    const detail = task.state ?? 'unknown';
    const state = STATES[detail] ?? 'running';
    const status: CloudStatus = { state, detail };
    const final = state === 'done' || state === 'failed' || state === 'timed_out';
    const pull = final || state === 'waiting' ? await pullRequestOf(task, owner, name, context) : undefined;
    if (pull?.html_url) status.pr = pull.html_url;
    else if (pull?.number) status.pr = `https://github.com/${owner}/${name}/pull/${pull.number}`;
    if (state === 'waiting') status.reason = `Copilot waits for you${status.pr ? ` on ${status.pr}` : task.html_url ? ` at ${task.html_url}` : ''}: answer it there (mention @copilot in a comment); Fieldnotes keeps following the task.`;
    if (state === 'failed' || state === 'timed_out') {
      const why = task.sessions?.flatMap((session) => session.error?.message?.trim() || []).at(-1)?.replace(/\.$/, '');
      status.reason = state === 'timed_out' ? `Copilot timed the task out${why ? `: ${why}` : ''}.` : `Copilot ended the task as failed${why ? `: ${why}` : ''}.`;
    }
    if (final && pull?.number) {
      if (pull.body?.trim()) status.message = pull.body;
      const diff = await call<string>(context, `/repos/${owner}/${name}/pulls/${pull.number}`, { accept: 'application/vnd.github.diff', text: true });
      if (diff.trim()) status.diff = diff;
    }
    return status;
  },
};

/**
 * The pull request the task opened: its `pull` artifact names it by id only, so it is found among
 * the pull requests of the task's branch (the `branch` artifact, or the latest session's head_ref).
 */
async function pullRequestOf(task: AgentTask, owner: string, name: string, context: CloudContext): Promise<PullRequest | undefined> {
  const artifacts = (task.artifacts ?? []).filter((artifact) => artifact.provider === undefined || artifact.provider === 'github');
  const marked = artifacts.find((artifact) => artifact.type === 'pull')?.data?.id;
  const branch = artifacts.find((artifact) => artifact.type === 'branch')?.data?.head_ref
    ?? task.sessions?.flatMap((session) => session.head_ref || []).at(-1);
  if (marked === undefined && !branch) return undefined;
  const query = new URLSearchParams({ state: 'all', per_page: '100', ...(branch ? { head: `${owner}:${branch}` } : { sort: 'updated', direction: 'desc' }) });
  const pulls = await call<PullRequest[]>(context, `/repos/${owner}/${name}/pulls?${query}`);
  if (!Array.isArray(pulls)) return undefined;
  return (marked === undefined ? undefined : pulls.find((pull) => pull.id === marked)) ?? (branch ? pulls[0] : undefined);
}

function splitId(id: string): [string, string, string] {
  const parts = id.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) throw new CloudError('NOT_FOUND', `“${id}” is not a Copilot task id of Fieldnotes (owner/repo/task).`);
  return parts as [string, string, string];
}

function call<T>(context: CloudContext, path: string, request: { method?: 'GET' | 'POST'; body?: unknown; accept?: string; text?: boolean } = {}): Promise<T> {
  if (!context.credential) throw new CloudError('SIGN_IN', `The Copilot coding agent needs a GitHub token. ${SIGN_IN}`);
  const base = (context.baseUrl ?? GITHUB_API_URL).replace(/\/+$/, '');
  return callService<T>(`${base}${path}`, {
    ...(request.method ? { method: request.method } : {}),
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.text ? { text: true } : {}),
    headers: {
      authorization: `Bearer ${context.credential}`,
      accept: request.accept ?? 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'Fieldnotes',
    },
  }, { label: 'GitHub', signIn: SIGN_IN });
}
