// The `fieldnotes` command as a user runs it: a real process, real output, real exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, rawRequest } from '../support/http';
import { runCli } from '../support/cli-process';
import { fixtureNotebook } from '../support/paths';
import { startServeProcess, type ServeProcess } from '../support/serve-process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyNotebook, removeDir, tempDir } from '../support/temp';

const fieldnotes = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env });

describe('fieldnotes --help', () => {
  it('lists the commands and the global options', async () => {
    const { code, stdout } = await fieldnotes(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('serve');
    expect(stdout).toContain('--notebook <dir>');
    expect(stdout).toContain('--json');
  });

  it('says what went wrong, without a stack trace, for an unknown command', async () => {
    const { code, stderr } = await fieldnotes(['frobnicate']);
    expect(code).not.toBe(0);
    expect(stderr).toContain("unknown command 'frobnicate'");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad port with a clear message', async () => {
    const { code, stderr } = await fieldnotes(['serve', '--port', 'eighty']);
    expect(code).toBe(1);
    expect(stderr).toBe('fieldnotes: --port must be a port number, not eighty\n');
  });
});

describe('fieldnotes serve', () => {
  let notebook: string;
  let server: ServeProcess;
  let rendererDir: string;
  // A renderer of its own, so a build running elsewhere in the suite cannot change it underfoot.
  const env = () => ({ FIELDNOTES_RENDERER_DIR: rendererDir });

  beforeAll(async () => {
    notebook = await copyNotebook(fixtureNotebook('basic'));
    rendererDir = await tempDir('fieldnotes-renderer-');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
    server = await startServeProcess(notebook, env());
  });

  afterAll(async () => {
    await server.stop();
    await removeDir(notebook);
    await removeDir(rendererDir);
  });

  it('listens on loopback and prints the URL with its token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('serves the UI (no secret in it) and the notebook to the holder of the token only', async () => {
    const token = new URL(server.url).searchParams.get('token')!;
    expect((await rawRequest(server.port, '/')).body).toContain('<div id="root">');
    const anonymous = await rawRequest(server.port, '/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    const { json } = await apiCall(server.port, token, 'app.info');
    expect(json.value).toMatchObject({ name: 'Fieldnotes', transport: 'http', notebook: { path: notebook } });
  });

  it('stops cleanly on SIGTERM', async () => {
    const other = await startServeProcess(notebook, env());
    const exited = new Promise<number | null>((resolve) => other.child.once('exit', (code) => resolve(code)));
    other.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says plainly when its port is taken, without a stack trace', async () => {
    const { code, stderr } = await fieldnotes(['--notebook', notebook, 'serve', '--port', String(server.port)], env());
    expect(code).toBe(1);
    expect(stderr).toBe(`fieldnotes: Port ${server.port} on 127.0.0.1 is already in use. Choose another with --port, or leave --port out to get a free one.\n`);
  });
});
