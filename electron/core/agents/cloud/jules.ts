// Google Jules through its REST API (v1alpha, `X-Goog-Api-Key`), called with fetch: a session per
// task on the GitHub repository and branch, followed by its state; its activities give the final
// message and the change set's git patch, its outputs the pull request. No Jules CLI is needed.
//
// Facts, from the Jules API reference, v1alpha (alpha, "subject to change"):
// https://developers.google.com/jules/api/reference/rest (v1alpha.sessions, v1alpha.sessions.activities)
// and https://jules.google/docs/api/reference (sessions, activities, types):
// - POST /sessions { prompt, title, sourceContext: { source: "sources/github/{owner}/{repo}",
//   githubRepoContext: { startingBranch } }, requirePlanApproval, automationMode: AUTO_CREATE_PR }
//   answers the Session: { name: "sessions/{id}", id, url, state, outputs[] }.
// - Session.state: STATE_UNSPECIFIED, QUEUED, PLANNING, AWAITING_PLAN_APPROVAL,
//   AWAITING_USER_FEEDBACK, IN_PROGRESS, PAUSED, FAILED, COMPLETED.
// - SessionOutput: { pullRequest: { url, title, description } }.
// - GET /sessions/{id}/activities?pageSize=1..100 (default 50)&pageToken → { activities,
//   nextPageToken }. Activity: { name, id, description, createTime, originator ("user", "agent",
//   "system"), artifacts[] } with one of agentMessaged { agentMessage }, userMessaged,
//   planGenerated { plan }, planApproved, progressUpdated { title, description },
//   sessionCompleted {}, sessionFailed { reason }. Artifact: changeSet { source, gitPatch
//   { unidiffPatch, baseCommitId, suggestedCommitMessage } }, media, bashOutput.
// - POST /sessions/{id}:approvePlan, :sendMessage. No cancel, stop or delete call is documented.
// - Errors are Google's { error: { code, message, status, details } }; a rate limit is 429
//   RESOURCE_EXHAUSTED, its wait a google.rpc.RetryInfo detail (service-http.ts).
import type { CloudAgent, CloudContext, CloudState, CloudStatus } from './cloud-agent';
import { CloudError } from './cloud-agent';
import { callService } from './service-http';

export const JULES_BASE_URL = 'https://jules.googleapis.com/v1alpha';
const SIGN_IN = 'Create an API key at https://jules.google.com/settings#api and set JULES_API_KEY, or enter it in Settings → Cloud agents.';

interface Session {
  name?: string;
  id?: string;
  url?: string;
  state?: string;
  title?: string;
  outputs?: Array<{ pullRequest?: { url?: string; title?: string; description?: string } }>;
}

interface Activity {
  originator?: string;
  description?: string;
  agentMessaged?: { agentMessage?: string };
  progressUpdated?: { title?: string; description?: string };
  sessionCompleted?: Record<string, never>;
  sessionFailed?: { reason?: string };
  artifacts?: Array<{ changeSet?: { gitPatch?: { unidiffPatch?: string } } }>;
}

const STATES: Record<string, CloudState> = {
  QUEUED: 'queued',
  PLANNING: 'running',
  IN_PROGRESS: 'running',
  PAUSED: 'waiting',
  AWAITING_PLAN_APPROVAL: 'running',
  AWAITING_USER_FEEDBACK: 'waiting',
  COMPLETED: 'done',
  FAILED: 'failed',
};

/** At most this many pages of activities are read for one result. */
const MAX_ACTIVITY_PAGES = 20;

export const jules: CloudAgent = {
  id: 'jules',
  label: 'Jules',
  service: "Google's Jules service",
  signIn: SIGN_IN,
  credentials: { env: ['JULES_API_KEY'], stored: true, name: 'API key' },
  baseUrlSetting: 'julesBaseUrl',
  cancels: false,

  async dispatch(request, context) {
    const session = await call<Session>(context, '/sessions', {
      method: 'POST',
      body: {
        prompt: request.prompt,
        title: request.title,
        sourceContext: {
          source: `sources/github/${request.repo.owner}/${request.repo.name}`,
          githubRepoContext: { startingBranch: request.repo.branch },
        },
        requirePlanApproval: false,
        ...(request.mode === 'poc' ? { automationMode: 'AUTO_CREATE_PR' } : {}),
      },
    });
    const id = session.id ?? session.name?.replace(/^sessions\//, '');
    if (!id) throw new CloudError('SERVICE', 'Jules created a session but did not say its id.');
    return { id, url: session.url ?? `https://jules.google.com/session/${id}` };
  },

  async poll(id, context) {
    const session = await call<Session>(context, `/sessions/${encodeURIComponent(id)}`);
    const detail = session.state ?? 'STATE_UNSPECIFIED';
    const state = STATES[detail] ?? 'running';
    const pr = session.outputs?.map((output) => output.pullRequest?.url).find((url) => url);
    if (detail === 'AWAITING_PLAN_APPROVAL') {
      // Fieldnotes asked for no plan approval; a session that waits for one anyway is let go on.
      await call(context, `/sessions/${encodeURIComponent(id)}:approvePlan`, { method: 'POST', body: {} });
    }
    if (state === 'queued' || state === 'running') return { state, detail, ...(pr ? { pr } : {}) };
    const activities = await listActivities(id, context);
    const status: CloudStatus = { state, detail, ...(pr ? { pr } : {}) };
    const messages = activities.flatMap((activity) => activity.agentMessaged?.agentMessage ?? []);
    if (messages.length > 0) status.message = messages.at(-1)!;
    else {
      // Without an agent message, the pull request's title and description are what Jules said.
      const pull = session.outputs?.map((output) => output.pullRequest).find((request) => request?.title || request?.description);
      const said = [pull?.title, pull?.description].filter((part) => part?.trim()).join('\n\n');
      if (said) status.message = said;
    }
    const patches = activities.flatMap((activity) => activity.artifacts ?? []).flatMap((artifact) => artifact.changeSet?.gitPatch?.unidiffPatch ?? []);
    if (patches.length > 0) status.diff = patches.at(-1)!;
    if (state === 'failed') {
      const reason = activities.flatMap((activity) => activity.sessionFailed?.reason ?? []).at(-1)?.trim().replace(/\.$/, '');
      status.reason = `Jules ended the session as failed${reason ? `: ${reason}` : ''}.`;
    }
    if (detail === 'PAUSED') {
      status.reason = `Jules paused the session: resume it at ${session.url ?? `https://jules.google.com/session/${id}`}; Fieldnotes keeps following it.`;
    } else if (state === 'waiting') {
      status.reason = `Jules waits for your feedback${status.message ? ` (“${status.message.slice(0, 200)}”)` : ''}: answer it at ${session.url ?? `https://jules.google.com/session/${id}`}; Fieldnotes keeps following the session.`;
    }
    return status;
  },
};

async function listActivities(id: string, context: CloudContext): Promise<Activity[]> {
  const all: Activity[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_ACTIVITY_PAGES; page++) {
    const query = new URLSearchParams({ pageSize: '100', ...(token ? { pageToken: token } : {}) });
    const answer = await call<{ activities?: Activity[]; nextPageToken?: string }>(context, `/sessions/${encodeURIComponent(id)}/activities?${query}`);
    all.push(...(answer.activities ?? []));
    token = answer.nextPageToken;
    if (!token) break;
  }
  return all;
}

function call<T>(context: CloudContext, path: string, request: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  if (!context.credential) throw new CloudError('SIGN_IN', `Jules needs an API key. ${SIGN_IN}`);
  const base = (context.baseUrl ?? JULES_BASE_URL).replace(/\/+$/, '');
  return callService<T>(`${base}${path}`, { ...request, headers: { 'X-Goog-Api-Key': context.credential } }, { label: 'Jules', signIn: SIGN_IN });
}
