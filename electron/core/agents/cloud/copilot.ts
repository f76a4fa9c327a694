// The GitHub Copilot coding agent through GitHub's agent tasks REST API (public preview), called
// with fetch and a user token (GITHUB_TOKEN, `gh auth token`, or one kept from Settings). Its
// result is a pull request: the diff comes from the pulls API (`application/vnd.github.diff`), the
// agent's summary from the pull request's description.
import type { CloudAgent, CloudContext, CloudState, CloudStatus } from './cloud-agent';
import { CloudError } from './cloud-agent';
import { callService } from './service-http';

export const GITHUB_API_URL = 'https://api.github.com';
const SIGN_IN = 'Sign in with `gh auth login` (Fieldnotes uses `gh auth token`), set GITHUB_TOKEN to a user token with the “Agent tasks” permission, or enter one in Settings → Cloud agents.';

/** A task as the API gives it; fields beyond `id` and `state` are read when present. */
interface AgentTask {
  id?: string | number;
  state?: string;
  html_url?: string;
  summary?: string;
  result?: string;
  failure_reason?: string;
  error?: { message?: string } | string;
  pull_request?: { number?: number; html_url?: string };
  artifacts?: Array<{ type?: string; data?: { number?: number; html_url?: string } }>;
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
    const pull = task.pull_request ?? task.artifacts?.find((artifact) => artifact.type?.includes('pull'))?.data;
    const status: CloudStatus = { state, detail };
    if (pull?.html_url) status.pr = pull.html_url;
    else if (pull?.number) status.pr = `https://github.com/${owner}/${name}/pull/${pull.number}`;
    const said = task.summary ?? task.result;
    if (said) status.message = said;
    if (state === 'waiting') status.reason = `Copilot waits for you${status.pr ? ` on ${status.pr}` : task.html_url ? ` at ${task.html_url}` : ''}: answer it there (mention @copilot in a comment); Fieldnotes keeps following the task.`;
    if (state === 'failed' || state === 'timed_out') {
      const why = (task.failure_reason ?? (typeof task.error === 'string' ? task.error : task.error?.message))?.trim().replace(/\.$/, '');
      status.reason = state === 'timed_out' ? `Copilot timed the task out${why ? `: ${why}` : ''}.` : `Copilot ended the task as failed${why ? `: ${why}` : ''}.`;
    }
    if ((state === 'done' || state === 'failed' || state === 'timed_out') && pull?.number) {
      const path = `/repos/${owner}/${name}/pulls/${pull.number}`;
      const [details, diff] = await Promise.all([
        call<{ body?: string | null; html_url?: string }>(context, path),
        call<string>(context, path, { accept: 'application/vnd.github.diff', text: true }),
      ]);
      if (details.body && !status.message) status.message = details.body;
      if (details.html_url) status.pr = details.html_url;
      if (diff.trim()) status.diff = diff;
    }
    return status;
  },
};

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
