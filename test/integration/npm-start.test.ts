// `npm start` on a machine without Electron's binary: one clear line, then the browser mode.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/http';
import { ROOT } from '../support/paths';
import { electronBinary } from '../support/electron-binary';
import { removeDir, tempDir } from '../support/temp';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

// With the binary installed, `npm start` opens the desktop app instead; the Electron e2e suite covers that.
describe.skipIf(electronBinary() !== null)('npm start without Electron', () => {
  it('says so in one line, then serves the real UI and prints its URL', { timeout: 120_000 }, async () => {
    const home = await tempDir();
    dirs.push(home);
    const notebook = join(home, 'Notebook');
    const child = spawn(process.execPath, [join(ROOT, 'electron', 'dev', 'start.mjs'), '--notebook', notebook, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, FIELDNOTES_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      const reader = createInterface({ input: child.stdout });
      reader.on('line', (line) => {
        lines.push(line);
        const match = /^Open (http:\/\/\S+)$/.exec(line);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${lines.join('\n')}\n${stderr}`)));
    });
    try {
      expect(lines[0]).toMatch(/^Electron's binary is not installed .* opens in the browser instead; get the desktop app with `node node_modules\/electron\/install\.js`\.$/);
      expect(stderr).not.toMatch(/\n\s+at /);
      const { port } = new URL(url);
      const html = await rawRequest(Number(port), `/?token=${new URL(url).searchParams.get('token')}`);
      expect(html.status).toBe(200);
      expect(html.headers['set-cookie']).toBeUndefined();
      expect(html.body).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
