// Clicking a citation opens the file at its line in the user's editor (the `editor` setting). The
// editors here are real scripts that write the argv they got to a file: a file name with spaces and
// shell metacharacters must arrive as one word, as it is, and nothing in it may run.
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Engine } from '../../electron/core/api';
import { dispatch } from '../../electron/core/dispatch';
import type { NativePorts } from '../../electron/core/ports/native-ports';
import { eventually } from '../support/notes';
import { removeDir, tempDir } from '../support/temp';

/** A file name a shell would make several words and commands of. */
const TRICKY = `odd name $&$1 $(touch PWNED) ; touch PWNED2 & 'q' "d" \`id\` {line}.ts`;

let home: string;
let repo: string;
let bin: string;
let engine: Engine;
let opened: string[];
let noteId: string;

const ports: NativePorts = {
  openPath: async (path) => void opened.push(path),
  revealPath: async (path) => void opened.push(`reveal ${path}`),
};

async function call(method: string, input: unknown = {}) {
  const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as never;
}

/** A program that records its argv and working directory in `<bin>/<name>.argv.json`. */
async function recorder(name: string): Promise<string> {
  const path = join(bin, name);
  const log = join(bin, `${name}.argv.json`);
  await writeFile(
    path,
    `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));\n`,
  );
  await chmod(path, 0o755);
  return path;
}

async function recorded(name: string): Promise<{ argv: string[]; cwd: string }> {
  const text = await eventually(() => readFile(join(bin, `${name}.argv.json`), 'utf8').catch(() => undefined));
  return JSON.parse(text) as { argv: string[]; cwd: string };
}

beforeEach(async () => {
  home = await tempDir();
  repo = join(home, 'repo');
  bin = join(home, 'bin');
  opened = [];
  await mkdir(join(repo, 'src'), { recursive: true });
  await mkdir(bin);
  await writeFile(join(repo, 'src', TRICKY), 'export const a = 1;\n');
  await writeFile(join(repo, 'install.sh'), '#!/bin/sh\n');
  await chmod(join(repo, 'install.sh'), 0o755);
  engine = await createApi({
    app: { name: 'Fieldnotes', version: 'test' },
    transport: 'http',
    notebook: join(home, 'Notebook'),
    defaultNotebook: join(home, 'Default'),
    ports,
    settingsFile: join(home, 'settings.json'),
    watcher: { debounceMs: 50, maxWaitMs: 200 },
    log: () => undefined,
  });
  noteId = ((await call('notes.create', { title: 'Cites an odd file', repo: { name: 'repo', path: repo } })) as { summary: { id: string } }).summary.id;
});
afterEach(async () => {
  await engine.close();
  await removeDir(home);
});

describe('the editor setting', () => {
  it('is the system opener until set, which gets the file without a line; programs are shown in their folder', async () => {
    expect(await call('settings.get')).toMatchObject({ editor: { kind: 'system' } });
    expect(await call('notes.openFile', { id: noteId, target: `src/${TRICKY}:3` })).toEqual({ path: join(repo, 'src', TRICKY), action: 'opened', editor: 'system' });
    expect(await call('notes.openFile', { id: noteId, target: 'install.sh' })).toMatchObject({ action: 'revealed' });
    expect(opened).toEqual([join(repo, 'src', TRICKY), `reveal ${join(repo, 'install.sh')}`]);
  });

  it('runs a custom command line with {file} and {line} as one word each, never through a shell', async () => {
    const script = await recorder('my-editor');
    await call('settings.update', { editor: { kind: 'custom', argv: [script, '--goto', '{file}:{line}', 'line={line}', '{file}'] } });
    const result = await call('notes.openFile', { id: noteId, target: `src/${TRICKY}:7` });
    expect(result).toEqual({ path: join(repo, 'src', TRICKY), action: 'opened', editor: 'custom', line: 7 });
    const file = join(repo, 'src', TRICKY);
    // `{line}` in the file's own name stays as it is: placeholders are filled in one pass.
    expect(await recorded('my-editor')).toEqual({ argv: ['--goto', `${file}:7`, 'line=7', file], cwd: repo });
    // Nothing of the name ran: no shell saw it.
    for (const dir of [repo, join(repo, 'src'), home, bin, process.cwd()]) {
      expect((await readdir(dir)).filter((name) => name.startsWith('PWNED'))).toEqual([]);
    }
    expect(opened).toEqual([]);
  });

  it('takes the line given beside the link, and line 1 when there is none', async () => {
    const script = await recorder('ed');
    await call('settings.update', { editor: { kind: 'custom', argv: [script, '{file}', '+{line}'] } });
    await call('notes.openFile', { id: noteId, target: `src/${TRICKY}:7`, line: 12 });
    expect((await recorded('ed')).argv).toEqual([join(repo, 'src', TRICKY), '+12']);
    await writeFile(join(bin, 'ed.argv.json'), '');
    await call('notes.openFile', { id: noteId, target: 'install.sh' });
    // An editor shows a program's text, so it opens there instead of being revealed.
    await eventually(async () => (await readFile(join(bin, 'ed.argv.json'), 'utf8')) !== '');
    expect((await recorded('ed')).argv).toEqual([join(repo, 'install.sh'), '+1']);
  });

  it.each([
    ['vscode', 'code', (file: string) => ['--goto', `${file}:42`]],
    ['cursor', 'cursor', (file: string) => ['--goto', `${file}:42`]],
    ['zed', 'zed', (file: string) => [`${file}:42`]],
    ['jetbrains', 'idea', (file: string) => ['--line', '42', file]],
  ])('%s is started as `%s` with the file at the line', async (kind, command, argv) => {
    await recorder(command);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${dirname(process.execPath)}:${path ?? ''}`;
    try {
      await call('settings.update', { editor: { kind } });
      await call('notes.openFile', { id: noteId, target: `src/${TRICKY}#L42` });
      expect((await recorded(command)).argv).toEqual(argv(join(repo, 'src', TRICKY)));
    } finally {
      process.env.PATH = path;
    }
  });

  it('says what to do when the editor’s command is not installed', async () => {
    await call('settings.update', { editor: { kind: 'custom', argv: [join(bin, 'no-such-editor'), '{file}'] } });
    await expect(call('notes.openFile', { id: noteId, target: `src/${TRICKY}` })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/no-such-editor is not installed .*Check the editor’s command line in Settings/),
    });
  });

  it('refuses a custom command without {file}, and keeps the editor it had', async () => {
    await call('settings.update', { editor: { kind: 'zed' } });
    await expect(call('settings.update', { editor: { kind: 'custom', argv: ['subl'] } })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Put \{file\} where the file goes/) });
    expect(await call('settings.get')).toMatchObject({ editor: { kind: 'zed' } });
    expect(JSON.parse(await readFile(join(home, 'settings.json'), 'utf8'))).toMatchObject({ editor: { kind: 'zed' } });
  });
});
