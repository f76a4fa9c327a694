// The note format, as input/output fixture pairs: test/fixtures/note-format/parse/<case>.md is
// read into what <case>.json describes; rewrite/<case>/input.md with patch.json becomes output.md
// byte for byte. Set UPDATE_FIXTURES=1 to write missing output.md files (then read them!).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNoteFile, pathId } from '../../electron/core/notebook/note-file';
import { Notebook } from '../../electron/core/notebook/notebook';
import { Note } from '../../shared/model/note';
import { FIXTURES } from '../support/paths';
import { removeDir, tempDir } from '../support/temp';

const PARSE = join(FIXTURES, 'note-format', 'parse');
const REWRITE = join(FIXTURES, 'note-format', 'rewrite');
const CREATE = join(FIXTURES, 'note-format', 'create');
const MODIFIED = Date.parse('2026-01-02T03:04:05.000Z');

interface ParseExpectation {
  summary: Record<string, unknown>;
  frontmatter?: Record<string, unknown> | null;
  problemMatches?: string;
  idIsPathId?: boolean;
  bodyStartsWith?: string;
}

describe('parsing note files', () => {
  const cases = readdirSync(PARSE).filter((name) => name.endsWith('.md'));

  it.each(cases)('%s', (file) => {
    const bytes = readFileSync(join(PARSE, file));
    const expected = JSON.parse(readFileSync(join(PARSE, file.replace(/\.md$/, '.json')), 'utf8')) as ParseExpectation;
    const relPath = `ky/${file}`;
    const note = parseNoteFile(relPath, bytes, { mtimeMs: MODIFIED, size: bytes.length });

    expect(Note.safeParse(note).success).toBe(true);
    expect(note.summary).toMatchObject({ path: relPath, ...expected.summary });
    if (expected.frontmatter === null) expect(note.frontmatter).toBeNull();
    else if (expected.frontmatter) expect(note.frontmatter).toMatchObject(expected.frontmatter);
    if (expected.problemMatches) expect(note.summary.problem?.message).toMatch(new RegExp(expected.problemMatches));
    else expect(note.summary.problem).toBeUndefined();
    if (expected.idIsPathId) expect(note.summary.id).toBe(pathId(relPath));
    if (expected.bodyStartsWith) expect(note.body.startsWith(expected.bodyStartsWith)).toBe(true);
  });

  it('never runs frontmatter as code', () => {
    const bytes = readFileSync(join(PARSE, 'javascript-frontmatter.md'));
    parseNoteFile('x.md', bytes, { mtimeMs: MODIFIED, size: bytes.length });
    expect((globalThis as { fieldnotesPwned?: boolean }).fieldnotesPwned).toBeUndefined();
    expect(existsSync('/tmp/fieldnotes-pwned')).toBe(false);
  });
});

describe('writing new notes', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await removeDir(dir);
  });

  // create/<case>/input.json becomes output.md; the new id is written as {{id}} in the fixture.
  it.each(readdirSync(CREATE))('%s', async (name) => {
    const input = JSON.parse(await readFile(join(CREATE, name, 'input.json'), 'utf8'));
    const root = await tempDir();
    dirs.push(root);
    const notebook = await Notebook.open(root);
    const note = await notebook.create(input);
    await notebook.close();
    const written = (await readFile(join(root, note.summary.path), 'utf8')).replace(note.summary.id, '{{id}}');
    const outputFile = join(CREATE, name, 'output.md');
    if (!existsSync(outputFile) && process.env.UPDATE_FIXTURES) writeFileSync(outputFile, written);
    expect(written).toBe(readFileSync(outputFile, 'utf8'));
    expect(Note.parse(note).summary.id).toBe(note.summary.id);
  });
});

describe('rewriting note files', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await removeDir(dir);
  });

  it.each(readdirSync(REWRITE))('%s', async (name) => {
    const fixture = join(REWRITE, name);
    const input = await readFile(join(fixture, 'input.md'));
    const { expectedPath, ...patch } = JSON.parse(await readFile(join(fixture, 'patch.json'), 'utf8')) as {
      frontmatter?: Record<string, unknown>;
      body?: string;
      expectedPath?: string;
    };
    const root = await tempDir();
    dirs.push(root);
    await mkdir(join(root, 'ky'));
    await writeFile(join(root, 'ky', 'input.md'), input);
    const notebook = await Notebook.open(root);
    const [summary] = notebook.list();
    const note = await notebook.update(summary!.id, patch);
    await notebook.close();

    expect(note.summary.id).toBe(summary!.id);
    expect(note.summary.path).toBe(expectedPath ?? 'ky/input.md');
    const written = await readFile(join(root, note.summary.path));
    const outputFile = join(fixture, 'output.md');
    if (!existsSync(outputFile) && process.env.UPDATE_FIXTURES) writeFileSync(outputFile, written);
    expect(written.toString('utf8')).toBe(readFileSync(outputFile, 'utf8'));
    // The body is the input's own bytes unless the patch replaced it.
    if (patch.body === undefined) expect(written.subarray(written.length - Buffer.byteLength(note.body)).equals(input.subarray(input.length - Buffer.byteLength(note.body)))).toBe(true);
  });
});
