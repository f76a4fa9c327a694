// Folders that cannot be notebooks — the file system root, /proc (where `mkdir -p` loops forever),
// /dev, a file, a folder that cannot hold Fieldnotes' data — are refused at once with what to do,
// by `fieldnotes list` and `fieldnotes serve` as real processes; and SIGTERM always stops `serve`.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process';
import { runFieldnotes } from '../support/fieldnotes-cli';
import { apiCall } from '../support/http';
import { noteText, writeNoteFile } from '../support/notes';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/temp';

let home: string;
let rendererDir: string;

beforeAll(async () => {
  home = await tempDir();
  rendererDir = join(home, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
});

const hasProc = existsSync('/proc/self/status');
const devHoldsDevices = existsSync('/dev/null') && readdirSync('/dev', { withFileTypes: true }).some((entry) => entry.isCharacterDevice());

describe('fieldnotes list refuses, at once and saying what to do,', () => {
  it.skipIf(!hasProc)('/proc/self, a kernel folder where mkdir -p never ends (there is no /proc here otherwise)', async () => {
    const { code, stderr } = await runFieldnotes(['--notebook', '/proc/self', 'list'], home);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^fieldnotes: \/proc\/self is a system folder \(the proc file system shows the kernel's state, not files you keep\)\. Choose a folder for notes/);
  });

  it('the file system root', async () => {
    const { code, stderr } = await runFieldnotes(['--notebook', '/', 'list'], home);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^fieldnotes: \/ is your file system root; .*Choose a folder just for notes/);
  });

  it.skipIf(!devHoldsDevices)('/dev, a folder of devices (this system has no /dev with device files otherwise)', async () => {
    const { code, stderr } = await runFieldnotes(['--notebook', '/dev', 'list'], home);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^fieldnotes: \/dev holds device files \(a device folder, like \/dev\), not notes\./);
    expect(existsSync('/dev/.fieldnotes')).toBe(false);
  });

  it('a file', async () => {
    const file = join(home, 'notes.txt');
    await writeFile(file, 'not a folder');
    const { code, stderr } = await runFieldnotes(['--notebook', file, 'list'], home);
    expect(code).toBe(1);
    expect(stderr).toBe(`fieldnotes: ${file} is a file, not a folder. Choose a folder for the notebook.\n`);
  });

  it('a folder whose .fieldnotes is a file', async () => {
    const folder = join(home, 'taken');
    await writeNoteFile(folder, 'ky/a.md', noteText({ title: 'A note' }));
    await writeFile(join(folder, '.fieldnotes'), 'something else');
    const { code, stderr } = await runFieldnotes(['--notebook', folder, 'list'], home);
    expect(code).toBe(1);
    expect(stderr).toBe(`fieldnotes: ${join(folder, '.fieldnotes')} is not a folder; Fieldnotes keeps its data in a folder of that name. Move that file away and open the notebook again.\n`);
  });
});

describe('fieldnotes serve', () => {
  // A renderer of its own: serve would otherwise build the UI first where it is not built.
  const serve = (notebook: string) => runCli(['--notebook', notebook, 'serve'], { env: { FIELDNOTES_HOME: home, FIELDNOTES_RENDERER_DIR: rendererDir }, cwd: home });

  it('refuses the file system root and a file at once', async () => {
    const file = join(home, 'served.txt');
    await writeFile(file, 'not a folder');
    for (const [notebook, message] of [['/', /\/ is your file system root/], [file, /is a file, not a folder/]] as const) {
      const { code, stderr } = await serve(notebook);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
    }
  });

  it.skipIf(!hasProc)('refuses /proc/self at once instead of spinning (there is no /proc here otherwise)', async () => {
    const { code, stderr } = await serve('/proc/self');
    expect(code).toBe(1);
    expect(stderr).toMatch(/\/proc\/self is a system folder/);
  });

  it.skipIf(!hasProc)('stops on SIGTERM after a browser asked it to open /proc/self (there is no /proc here otherwise)', async () => {
    const notebook = join(home, 'served');
    await writeNoteFile(notebook, 'ky/a.md', noteText({ title: 'Served' }));
    const server = await startServeProcess(notebook, { FIELDNOTES_HOME: home, FIELDNOTES_RENDERER_DIR: rendererDir });
    const token = new URL(server.url).searchParams.get('token')!;
    const answer = apiCall(server.port, token, 'notebook.open', { path: '/proc/self' });
    answer.catch(() => undefined);
    // Before the fix the call never answered (mkdir -p spinning); the stop must work either way.
    const answered = await Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3_000))]).finally(() => server.stop());
    // stop() sent SIGTERM, and would have failed the test had the process not exited 15 s later.
    expect(server.child.exitCode ?? server.child.signalCode).not.toBeNull();
    expect(answered?.json.error).toMatchObject({ code: 'NOTEBOOK_UNAVAILABLE', message: expect.stringMatching(/system folder/) });
  });
});
