// Screenshots of one question asked of three agents (not a test of behaviour): the note with its
// "Compare answers" link, the Compare view, and the focus moved to the last column, in light and
// dark, wide and small:
//   FIELDNOTES_SCREENSHOTS=1 npx playwright test test/screenshots/compare.spec.ts --project screenshots
import { dirname } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../e2e/web/fixtures';
import { gitIn, makeRepo } from '../support/git-repo';
import type { ServeProcess } from '../support/serve-process';
import { removeDir } from '../support/temp';
import { everyWay } from './every-way';

/** Two answers to one question, by two agents, citing a real repository: what Compare shows. */
async function siblingAnswers(request: APIRequestContext, server: ServeProcess): Promise<{ id: string; repo: string }> {
  const router = Array.from({ length: 60 }, (_, i) => `export const route${i} = '/r${i}';`).join('\n') + '\n';
  const repo = await makeRepo({ 'src/router.ts': router, 'src/handlers/users.ts': 'export function users() {}\n', 'src/app.ts': "import './router';\n", 'README.md': '# app\n' }, 'router-app');
  const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
  const question = 'Where does a request find its handler, from the incoming URL to the function that answers it?';
  const create = async (data: Record<string, unknown>): Promise<string> => {
    const response = await request.post(`${server.origin}/api/notes.create`, { headers: server.auth, data });
    const result = (await response.json()) as { ok: boolean; value: { summary: { id: string } }; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value.summary.id;
  };
  const common = { question, mode: 'explain', status: 'done', repo: { name: 'router-app', path: repo, branch: 'main', commit } };
  const claude = await create({
    ...common,
    title: 'Routes are matched in order in src/router.ts',
    agent: { id: 'claude-code', model: 'claude-sonnet-4-5' },
    duration_ms: 48_000,
    usage: { input_tokens: 18_400, output_tokens: 1_250, cost_usd: 0.0712 },
    sources: [{ path: 'src/router.ts' }, { path: 'src/app.ts' }, { path: 'src/handlers/users.ts' }],
    body: [
      'A request goes through **three steps** before a handler runs:',
      '',
      '1. `src/app.ts:1` imports the router, which registers every route at load time.',
      '2. The routes are plain constants, matched **in order**: the first match wins (`src/router.ts:12-18`).',
      '3. The handler for `/users` lives in `src/handlers/users.ts:1`.',
      '',
      '```ts',
      "export const route0 = '/r0';",
      '```',
      '',
      'A route declared after a catch-all is never reached; see `src/router.ts:90` for the fallback.',
    ].join('\n'),
  });
  const codex = await create({
    ...common,
    title: 'The router table decides; the app only imports it',
    agent: { id: 'codex', model: 'gpt-5-codex' },
    duration_ms: 71_000,
    usage: { input_tokens: 9_800, output_tokens: 2_100 },
    sources: [{ path: 'src/router.ts' }, { path: 'README.md' }],
    siblings: [claude],
    body: [
      'The table of routes in src/router.ts is the whole story: each `routeN` constant is a path, and the app (`src/app.ts`) only imports it for its side effects.',
      '',
      '- Matching is by exact path, no parameters.',
      '- There is no middleware layer; the README says so too (README.md).',
      '',
      'Look at `src/router.ts:40-44` for the last group of routes.',
    ].join('\n'),
  });
  const gemini = await create({
    ...common,
    title: 'Routing is a list of constants',
    agent: { id: 'gemini', model: 'gemini-2.5-pro' },
    duration_ms: 22_000,
    usage: { input_tokens: 6_100, output_tokens: 640, cost_usd: 0.0104 },
    sources: [{ path: 'src/router.ts' }],
    siblings: [claude, codex],
    body: 'Each route is an exported constant in `src/router.ts:1-60`; nothing else takes part.',
  });
  await request.post(`${server.origin}/api/notes.update`, { headers: server.auth, data: { id: claude, frontmatter: { siblings: [codex, gemini] } } });
  await request.post(`${server.origin}/api/notes.update`, { headers: server.auth, data: { id: codex, frontmatter: { siblings: [claude, gemini] } } });
  return { id: claude, repo };
}

test('sibling answers compared, in light and dark, wide and small', async ({ browser, server, request }) => {
  test.setTimeout(240_000);
  const siblings = await siblingAnswers(request, server);
  try {
    await everyWay(browser, 'compare', `${server.url}#/notes/${siblings.id}`, async (page, shot) => {
      await expect(page.getByRole('button', { name: 'Compare answers' })).toBeVisible();
      await shot('note-siblings');
      await page.goto(`${server.url}#/compare/${siblings.id}`);
      await expect(page.getByRole('main', { name: 'Compare answers' }).getByText(/check out/).first()).toBeVisible();
      await page.waitForTimeout(400);
      await shot('columns');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(300);
      await shot('focus-right');
    });
  } finally {
    await removeDir(dirname(siblings.repo));
  }
});
