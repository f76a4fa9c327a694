// A process rewriting notes is killed with SIGKILL at random moments: afterwards every note still
// parses, and none is lost.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Notebook } from '../../electron/core/notebook/notebook';
import { ROOT } from '../support/paths';
import { removeDir, tempDir } from '../support/temp';

const NOTES = 12;
const KILLS = 6;
let root: string;

afterAll(() => removeDir(root));

/** Runs the rewrite loop until it has finished `writes` writes, then kills it with SIGKILL. */
function rewriteThenKill(writes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'rewrite-loop.ts'), root], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').length - 1;
      if (seen >= writes && child.exitCode === null) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`the rewrite loop stopped by itself (${code}):\n${stderr}`));
    });
  });
}

it('no note is lost or left half-written when the writer is killed mid-write', { timeout: 120_000 }, async () => {
  root = await tempDir();
  const setup = await Notebook.open(root, { log: () => undefined });
  for (let i = 0; i < NOTES; i++) await setup.create({ title: `Note ${i}`, repo: { name: 'ky' }, body: `first body ${i}\n` });
  const ids = setup.list().map((note) => note.id).sort();
  await setup.close();

  for (let kill = 0; kill < KILLS; kill++) {
    // A random moment: after a random number of finished writes, in the middle of the next ones.
    await rewriteThenKill(1 + Math.floor(Math.random() * 4 * NOTES));
    const notebook = await Notebook.open(root, { log: () => undefined });
    const notes = notebook.list();
    expect(notes.map((note) => note.id).sort()).toEqual(ids);
    for (const note of notes) {
      expect(note.problem).toBeUndefined();
      const whole = await notebook.get(note.id);
      expect(whole.frontmatter?.id).toBe(note.id);
      expect(whole.body).toMatch(/^(first body|round) \d+\n/);
    }
    await notebook.close();
  }
});
