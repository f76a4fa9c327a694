// Codex Cloud through the installed `codex` CLI (`@openai/codex` 0.171.0, its experimental
// `codex cloud` command). It uses the CLI's own ChatGPT sign-in (`codex login`), and its backend
// cannot be pointed elsewhere, so its tests run a stand-in `codex`.
//
// Facts, from the CLI's own help (`codex cloud --help`, `codex cloud exec|status|list|diff --help`
// of 0.171.0) and its source, codex-rs/cloud-tasks (https://github.com/openai/codex, the
// `run_*_command` functions; the installed binary carries the same messages):
// - `exec --env <ENV_ID> [--branch B] [--attempts N] <QUERY>` prints the task's URL,
//   https://chatgpt.com/codex/tasks/<id>. Every command takes a task id OR that URL: the CLI keeps
//   the last path segment (without query and fragment), as `dispatch` does here.
// - `status <TASK_ID>` prints `[READY|PENDING|APPLIED|ERROR] <title>`, then the environment and
//   time, then the diff stats (`+a/-r • n files` or `no diff`); it exits 1 unless READY.
// - `diff <TASK_ID> [--attempt N]` prints the unified diff (or fails: "No diff available for task").
// - `list [--env E] [--limit 1-20, default 20] [--cursor C] --json` prints
//   { tasks: [{ id, url, title, status, updated_at, environment_id, environment_label,
//   summary: { files_changed, lines_added, lines_removed }, is_review, attempt_total }], cursor }:
//   `summary` is diff statistics, not text, and `cursor` (null on the last page) pages on.
// - No subcommand gives the agent's final message, and none cancels a task: the title and the
//   diff are what comes back; the task's page has the rest.
// - Not signed in: "Not signed in. Please run 'codex login' …", exit 1.
import { execFile } from 'node:child_process';
import { detectExecutable, findOnPath } from '../detect';
import type { CloudAgent, CloudContext, CloudState, CloudStatus } from './cloud-agent';
import { CloudError } from './cloud-agent';

const FACTS = { label: 'Codex Cloud', command: 'codex', installHint: 'npm install -g @openai/codex' };
const SIGN_IN = 'Sign in with `codex login` (a ChatGPT account with Codex Cloud), then ask again.';
const TIMEOUT_MS = 120_000;

const STATES: Record<string, CloudState> = { PENDING: 'running', READY: 'done', APPLIED: 'done', ERROR: 'failed' };

export const codexCloud: CloudAgent = {
  id: 'codex-cloud',
  label: 'Codex Cloud',
  service: "OpenAI's Codex Cloud",
  signIn: SIGN_IN,
  command: FACTS.command,
  credentials: null,
  cancels: false,

  async ready(context) {
    const found = await detectExecutable(FACTS, { ...(context.executable ? { path: context.executable } : {}), env: context.env });
    if (!found.available) return { ok: false, reason: `${found.reason ?? 'Codex is not installed.'} Install it with \`${FACTS.installHint}\`.` };
    if (!context.environment) {
      return { ok: false, reason: 'Codex Cloud runs tasks in one of your Codex environments: set its id in Settings → Cloud agents (`codex cloud` lists them; create one at https://chatgpt.com/codex).' };
    }
    return { ok: true, ...(found.version ? { version: found.version } : {}) };
  },

  async dispatch(request, context) {
    const out = await codex(context, ['cloud', 'exec', '--env', environmentOf(context), '--branch', request.repo.branch, request.prompt]);
    if (out.code !== 0) throw failure(out, 'Codex Cloud did not take the task');
    const url = out.stdout.match(/https?:\/\/\S+/g)?.at(-1);
    if (!url) throw new CloudError('SERVICE', `Codex Cloud took the task but printed no URL: ${out.stdout.trim().slice(0, 200) || '(nothing)'}`);
    const id = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    if (!id) throw new CloudError('SERVICE', `Codex Cloud printed a task URL without an id: ${url}`);
    return { id, url };
  },

  async poll(id, context) {
    const out = await codex(context, ['cloud', 'status', id]);
    // Exit 1 is also "not ready yet": the printed state decides, not the exit code alone.
    const line = /^\[(\w+)\]\s*(.*)$/m.exec(out.stdout);
    if (!line) throw failure(out, 'Codex Cloud did not say how the task stands');
    const detail = line[1]!;
    const state = STATES[detail] ?? 'running';
    const title = line[2]?.trim();
    const status: CloudStatus = { state, detail };
    if (state === 'failed') status.reason = `Codex Cloud ended the task with an error${title ? ` (“${title}”)` : ''}; its page says more.`;
    if (state !== 'done') return status;
    const diff = await codex(context, ['cloud', 'diff', id]);
    if (diff.code === 0 && diff.stdout.trim()) status.diff = diff.stdout;
    const listed = await listedTask(id, context);
    const name = listed?.title?.trim() || title;
    const stats = listed?.summary;
    const changed = stats && typeof stats.files_changed === 'number' && stats.files_changed > 0
      ? ` It changed ${stats.files_changed} file${stats.files_changed === 1 ? '' : 's'} (+${stats.lines_added ?? 0}/-${stats.lines_removed ?? 0}).`
      : '';
    if (name) status.message = `${name}\n\n\`codex cloud\` gives the task's title and diff, not its final message.${changed} The full answer is on the task's page.`;
    return status;
  },
};

/** A task as `codex cloud list --json` prints it; only the fields Fieldnotes reads. */
interface ListedTask {
  id?: string;
  title?: string;
  summary?: { files_changed?: number; lines_added?: number; lines_removed?: number };
}

/** At most this many pages of `codex cloud list` (20 tasks each) are read to find a task. */
const MAX_LIST_PAGES = 5;

/** The task as `codex cloud list --json` gives it, paging on with `--cursor`; undefined when not found. */
async function listedTask(id: string, context: CloudContext): Promise<ListedTask | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const out = await codex(context, ['cloud', 'list', '--json', '--env', environmentOf(context), '--limit', '20', ...(cursor ? ['--cursor', cursor] : [])]);
    if (out.code !== 0) return undefined;
    let parsed: { tasks?: unknown; cursor?: unknown };
    try {
      parsed = JSON.parse(out.stdout) as { tasks?: unknown; cursor?: unknown };
    } catch {
      return undefined;
    }
    const tasks = Array.isArray(parsed.tasks) ? (parsed.tasks as unknown[]) : [];
    const task = tasks.find((item): item is ListedTask => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === id);
    if (task) return task;
    if (typeof parsed.cursor !== 'string' || !parsed.cursor) return undefined;
    cursor = parsed.cursor;
  }
  return undefined;
}

function environmentOf(context: CloudContext): string {
  if (!context.environment) throw new CloudError('SETUP', 'Codex Cloud needs an environment: set its id in Settings → Cloud agents (`codex cloud` lists them).');
  return context.environment;
}

/** What a failed `codex cloud` call printed, as an error that says what to do. */
function failure(out: { stdout: string; stderr: string; code: number | null }, what: string): CloudError {
  const said = `${out.stderr}\n${out.stdout}`.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('WARNING:'));
  const text = said.join(' ').slice(0, 400);
  if (/not signed in|codex login/i.test(text)) return new CloudError('SIGN_IN', `Codex Cloud is not signed in. ${SIGN_IN}`);
  if (/rate limit|too many requests|\b429\b/i.test(text)) return new CloudError('RATE_LIMITED', `Codex Cloud is rate limiting requests (${text}); Fieldnotes tries again later.`);
  if (/not found|\b404\b/i.test(text)) return new CloudError('NOT_FOUND', `Codex Cloud has no such task: ${text}`);
  return new CloudError('SERVICE', `${what} (\`codex cloud\` exit ${out.code ?? 'signal'}): ${text || 'no message'}.`);
}

async function codex(context: CloudContext, args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const file = context.executable ?? (await findOnPath(FACTS.command, context.env)) ?? FACTS.command;
  return new Promise((resolve, reject) => {
    execFile(file, args, { env: context.env as NodeJS.ProcessEnv, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') return reject(new CloudError('SETUP', `Codex is not installed: no \`codex\` command on PATH. Install it with \`${FACTS.installHint}\`.`));
      resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : null) : 0 });
    });
  });
}
