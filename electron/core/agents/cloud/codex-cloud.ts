// Codex Cloud through the installed `codex` CLI (`@openai/codex`, its experimental `codex cloud`
// command): `exec --env <ENV> --branch <B> <prompt>` prints the task's URL; `status <ID>` prints
// `[READY|PENDING|APPLIED|ERROR] <title>` and exits 1 unless READY; `diff <ID>` prints the unified
// diff; `list --json` lists tasks. It uses the CLI's own ChatGPT sign-in (`codex login`), and its
// backend cannot be pointed elsewhere, so its tests run a stand-in `codex`.
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
    const message = await summaryOf(id, context);
    if (message ?? title) status.message = (message ?? title)!;
    return status;
  },
};

/** The task's summary from `codex cloud list --json`, when the list has it. */
async function summaryOf(id: string, context: CloudContext): Promise<string | undefined> {
  const out = await codex(context, ['cloud', 'list', '--json', '--env', environmentOf(context)]);
  if (out.code !== 0) return undefined;
  try {
    const parsed = JSON.parse(out.stdout) as unknown;
    const tasks = Array.isArray(parsed) ? parsed : ((parsed as { tasks?: unknown[] }).tasks ?? []);
    const task = tasks.find((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === id);
    const text = task?.summary ?? task?.title;
    return typeof text === 'string' && text.trim() ? text : undefined;
  } catch {
    return undefined;
  }
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
