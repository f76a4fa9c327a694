// `npm start` on a machine without Electron's binary: one clear line, then the browser mode, opened
// in the default browser on a stable port, with no bundler warnings.
import { spawn } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
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
  it('says so in one line, then serves the real UI on port 4517 (while free), opens it in the browser and prints its URL', { timeout: 120_000 }, async () => {
    const home = await tempDir();
    dirs.push(home);
    const notebook = join(home, 'Notebook');
    // The system opener (xdg-open on Linux, open on macOS) as a script that writes down what it was given.
    const opened = join(home, 'opened.log');
    for (const opener of ['xdg-open', 'open']) {
      await writeFile(join(home, opener), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
      await chmod(join(home, opener), 0o755);
    }
    const stableFree = await isFree(4517);
    if (!stableFree) console.log('port 4517 is taken on this machine: npm start picks a free one instead, as checked below');
    const child = spawn(process.execPath, [join(ROOT, 'electron', 'dev', 'start.mjs'), '--notebook', notebook], {
      cwd: ROOT,
      env: { ...process.env, FIELDNOTES_HOME: home, PATH: `${home}:${process.env.PATH}` },
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
      expect(`${lines.join('\n')}\n${stderr}`).not.toMatch(/chunk/i);
      const { port } = new URL(url);
      if (stableFree) expect(port).toBe('4517');
      await expect.poll(async () => (await readFile(opened, 'utf8').catch(() => '')).trim()).toBe(url);
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

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
