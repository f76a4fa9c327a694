// Starts the real `fieldnotes serve` command as a child process and reads the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI } from './paths';

export interface ServeProcess {
  /** The printed address, with the token; a tab that opens it keeps the token to itself. */
  url: string;
  origin: string;
  port: number;
  /** The header an API call from outside a tab (Playwright's `page.request`) carries the token in. */
  auth: { Authorization: string };
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServeProcess(notebook: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, '--json', '--notebook', notebook, 'serve', '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fieldnotes serve exited (${code}) before printing its URL:\n${stderr}`)));
  });
  const info = JSON.parse(line) as { url: string; origin: string; port: number };
  return {
    ...info,
    auth: { Authorization: `Bearer ${new URL(info.url).searchParams.get('token')}` },
    child,
    // A server that ignores SIGTERM is a bug: it is killed so it cannot outlive the test, and the
    // test fails saying so.
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`fieldnotes serve did not exit within 15 s of SIGTERM:\n${stderr.slice(-2000)}`));
        }, 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
