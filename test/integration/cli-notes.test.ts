// `fieldnotes list`, `show` and `import` as a user runs them: real processes, real exit codes.
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Note, NoteSummary } from '../../shared/model/note';
import { nodePorts } from '../../electron/core/ports/node-ports';
import { runFieldnotes } from '../support/fieldnotes-cli';
import { noteText, writeNoteFile } from '../support/notes';
import { fixtureNotebook } from '../support/paths';
import { copyNotebook, removeDir, tempDir } from '../support/temp';

let notebook: string;
let home: string;

// Both folders go when the file ends (test/support/vitest-setup.ts).
beforeAll(async () => {
  notebook = await copyNotebook(fixtureNotebook('basic'));
  home = await tempDir();
});

const fieldnotes = (...args: string[]) => runFieldnotes(args, home);

describe('fieldnotes list', () => {
  it('prints the notes newest first, with status, repo, agent, title and id', async () => {
    const { code, stdout } = await fieldnotes('--notebook', notebook, 'list');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^DATE\s+STATUS\s+REPO\s+AGENT\s+TITLE\s+ID$/);
    const routing = lines.findIndex((line) => line.includes('How does ky turn a call'));
    const vite = lines.findIndex((line) => line.includes('In what order do Vite plugin hooks run?'));
    expect(routing).toBeLessThan(vite);
    expect(lines[routing]).toMatch(/2026-11-28\s+done\s+ky\s+claude-code\s+How does ky.*#http #architecture\s+01JDZ8Q6X7M3N4P5R6S7T8V9W0$/);
    expect(stdout).toMatch(/problem .*broken frontmatter — The frontmatter is not valid YAML/);
  });

  it('prints JSON summaries with --json', async () => {
    const { stdout } = await fieldnotes('--json', '--notebook', notebook, 'list');
    const notes = JSON.parse(stdout) as NoteSummary[];
    expect(notes).toHaveLength(5);
    expect(notes.find((note) => note.id === '01JDZ8Q6X7M3N4P5R6S7T8V9W0')).toMatchObject({ repo: 'ky', agent: 'claude-code', tags: ['http', 'architecture'] });
  });

  it('says so on stderr, with a non-zero exit, when the notebook folder does not exist', async () => {
    const { code, stdout, stderr } = await fieldnotes('--notebook', join(home, 'nope'), 'list');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^fieldnotes: There is no folder at .*nope\. Create it first/);
  });
});

describe('fieldnotes show', () => {
  it('prints the note file, found by id or by path', async () => {
    const file = await readFile(join(notebook, 'ky', '2026-11-27-why-do-retries-stop.md'), 'utf8');
    expect((await fieldnotes('--notebook', notebook, 'show', '01JDX2M4K8N1P3Q5R7S9T2V4W6')).stdout).toBe(file);
    expect((await fieldnotes('--notebook', notebook, 'show', 'ky/2026-11-27-why-do-retries-stop.md')).stdout).toBe(file);
    expect((await fieldnotes('--notebook', notebook, 'show', join(notebook, 'ky', '2026-11-27-why-do-retries-stop.md'))).stdout).toBe(file);
  });

  it('prints the whole note as JSON with --json', async () => {
    const note = JSON.parse((await fieldnotes('--json', '--notebook', notebook, 'show', '01JDZ8Q6X7M3N4P5R6S7T8V9W0')).stdout) as Note;
    expect(note.frontmatter?.repo?.commit).toBe('3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39');
    expect(note.body).toContain('## The path of a request');
  });

  it.each([
    ['NOPE', /No note with id NOPE in .*fieldnotes list/],
    ['../../etc/passwd', /outside the notebook folder/],
    ['/etc/passwd', /outside the notebook folder/],
  ])('refuses %j on stderr with a non-zero exit', async (ref, message) => {
    const { code, stdout, stderr } = await fieldnotes('--notebook', notebook, 'show', ref);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('fieldnotes import', () => {
  it('copies a folder of Markdown in as notes, keeping their frontmatter, and is safe to run twice', async () => {
    const source = await tempDir();
    const target = join(home, 'Imported');
    const fieldnotesNote = noteText({ id: '01JE0000000000000000000030', title: 'Already a Fieldnotes note', extra: 'repo: { name: vite }\ncustom: kept' }, 'Body kept.\n');
    await writeNoteFile(source, 'a.md', fieldnotesNote);
    await writeNoteFile(source, 'sub/obsidian.md', '---\naliases: [Idea]\ntags: [idea]\ndate: 2026-10-02\n---\n# An idea from Obsidian\n\nText.\n');
    await writeNoteFile(source, 'broken.md', '---\ntitle: [unclosed\n---\n');
    await mkdir(join(source, '.obsidian'));
    await writeFile(join(source, '.obsidian', 'hidden.md'), '# not imported');

    const first = await fieldnotes('--notebook', target, 'import', source, '--repo', 'ideas');
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^Imported 2 notes into /);
    expect(first.stderr).toMatch(/not imported: broken\.md: The frontmatter is not valid YAML/);

    expect(await readFile(join(target, 'vite', '2026-11-20-already-a-fieldnotes-note.md'), 'utf8')).toBe(fieldnotesNote);
    const imported = await readFile(join(target, 'ideas', '2026-10-02-an-idea-from-obsidian.md'), 'utf8');
    expect(imported).toMatch(/^---\nid: \w{26}\ntitle: An idea from Obsidian\ncreated: 2026-10-02T00:00:00.000Z\naliases: \[Idea\]\ntags: \[idea\]\ndate: 2026-10-02\n---\n# An idea from Obsidian\n\nText.\n$/);

    await writeFile(join(source, 'broken.md'), '# Fixed now\n');
    const second = await fieldnotes('--json', '--notebook', target, 'import', source, '--repo', 'ideas');
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as { imported: unknown[]; notImported: Array<{ from: string; kind: string }> };
    expect(report.notImported).toContainEqual(expect.objectContaining({ from: 'a.md', kind: 'already' }));
    expect(report.notImported).toContainEqual(expect.objectContaining({ from: 'sub/obsidian.md', kind: 'already' }));
    expect(report.imported).toHaveLength(1); // the fixed file; the Obsidian note is not copied again
    expect((await readdir(join(target, 'ideas'))).sort()).toEqual(['2026-10-02-an-idea-from-obsidian.md', expect.stringMatching(/-fixed-now\.md$/)].sort());
    await removeDir(source);
  });
});

describe('a note with one wrong field', () => {
  // An unquoted hash YAML reads as a number, a hand-written id, a status Fieldnotes does not know:
  // every other field still counts, so the note keeps its place, its filters and its id.
  let folder: string;
  beforeAll(async () => {
    folder = await tempDir();
    await writeNoteFile(folder, 'ky/numbers.md', '---\nid: 01JE0000000000000000000040\ntitle: Hashes that look like numbers\ncreated: 2025-03-04T05:06:07.000Z\nrepo: { name: ky, commit: 1234567 }\nagent: { id: codex, version: 2.10 }\nsources:\n  - { path: src/a.ts, blob: 8e5 }\ntags: [hashing, 2024]\n---\nWhy the zebra hash reads as a number.\n');
    await writeNoteFile(folder, 'ky/hand-written.md', '---\nid: my-first-note\ntitle: A hand-written note\ncreated: 2025-02-03T04:05:06.000Z\nrepo: { name: ky }\nagent: { id: claude-code }\nstatus: maybe\ntags: [handmade]\n---\nThe quokka wrote this one by hand.\n');
  });

  it('keeps its id, tags, repo, agent and date in list --json, with the wrong fields named', async () => {
    const notes = JSON.parse((await fieldnotes('--json', '--notebook', folder, 'list')).stdout) as NoteSummary[];
    expect(notes.find((note) => note.path === 'ky/numbers.md')).toEqual(expect.objectContaining({
      id: '01JE0000000000000000000040', repo: 'ky', commit: '1234567', agent: 'codex', tags: ['hashing', '2024'], created: '2025-03-04T05:06:07.000Z',
    }));
    expect(notes.find((note) => note.path === 'ky/numbers.md')?.problem).toBeUndefined();
    const hand = notes.find((note) => note.path === 'ky/hand-written.md')!;
    expect(hand).toMatchObject({ id: 'my-first-note', repo: 'ky', agent: 'claude-code', tags: ['handmade'], created: '2025-02-03T04:05:06.000Z', problem: { code: 'BAD_FRONTMATTER' } });
    expect(hand.problem!.message).toMatch(/\bid: .*\bstatus: /);
  });

  it('is shown by its own id, with numbers read as the text written', async () => {
    const numbers = JSON.parse((await fieldnotes('--json', '--notebook', folder, 'show', '01JE0000000000000000000040')).stdout) as Note;
    expect(numbers.frontmatter).toMatchObject({ repo: { commit: '1234567' }, agent: { version: '2.10' }, sources: [{ path: 'src/a.ts', blob: '8e5' }] });
    const hand = await fieldnotes('--notebook', folder, 'show', 'my-first-note');
    expect(hand.code).toBe(0);
    expect(hand.stdout).toContain('The quokka wrote this one by hand.');
  });

  it('is found by search under its repo and tags', async () => {
    const found = await fieldnotes('--json', '--notebook', folder, 'search', 'quokka', '--repo', 'ky', '--tag', 'handmade');
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('my-first-note');
    const zebra = await fieldnotes('--json', '--notebook', folder, 'search', 'zebra', '--repo', 'ky', '--since', '2025-03-01');
    expect(zebra.stdout).toContain('01JE0000000000000000000040');
  });
});

describe('fieldnotes import of a file without a heading', () => {
  it('titles the note with the file name, not "imported"', async () => {
    const source = await tempDir();
    const target = join(home, 'Imported-plain');
    await writeNoteFile(source, 'design/cache-ideas_v2.md', 'We talked about caching.\n');
    const { code, stdout } = await fieldnotes('--json', '--notebook', target, 'import', source, '--repo', 'ideas');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { imported: Array<{ path: string }> };
    expect(report.imported).toEqual([expect.objectContaining({ path: expect.stringMatching(/^ideas\/\d{4}-\d{2}-\d{2}-cache-ideas-v2\.md$/) })]);
    expect(await readFile(join(target, report.imported[0]!.path), 'utf8')).toMatch(/^---\nid: \w{26}\ntitle: cache ideas v2\n/);
    await removeDir(source);
  });
});

describe.skipIf(process.platform !== 'linux')('opening files from the browser mode and the CLI', () => {
  it('runs the system opener with the path as one argument, never through a shell', async () => {
    const bin = await tempDir();
    const log = join(bin, 'calls.log');
    await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$#" "$1" >> '${log}'\n`);
    await chmod(join(bin, 'xdg-open'), 0o755);
    const ports = nodePorts({ platform: 'linux', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    const tricky = join(bin, 'a file; rm -rf ~ $(whoami).md');
    await ports.openPath(tricky);
    await ports.revealPath(tricky);
    // Each call is its own detached process, so the two may log in either order.
    const calls = async (): Promise<string[]> => {
      const lines = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
      return lines.flatMap((line, i) => (i % 2 === 0 ? [`${line} ${lines[i + 1] ?? ''}`] : [])).sort();
    };
    await expect.poll(calls).toEqual([`1 ${bin}`, `1 ${tricky}`].sort());
    const missing = nodePorts({ platform: 'linux', env: { PATH: bin + '/nothing-here' } });
    await expect(missing.openPath(tricky)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/xdg-open is not installed/) });
    await removeDir(bin);
  });
});
