// Searching code: identifiers and paths are found whole and by their parts, and the snippet marks
// what was found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNote } from '../../support/search-notes';
import { openLocalSearch, type LocalSearch } from '../../support/search-index';
import { removeDir, tempDir } from '../../support/temp';

let notebook: string;
let search: LocalSearch;

beforeAll(async () => {
  notebook = await tempDir('fieldnotes-search-');
  await writeNote(notebook, 'ky/dispatch.md', { title: 'How are calls sent?', body: 'The client calls `dispatchRequest` before anything else.' });
  await writeNote(notebook, 'ky/config.md', { title: 'Where do settings live?', body: 'Settings are read from the `snake_case_name` keys of the file.' });
  await writeNote(notebook, 'vite/routes.md', { title: 'Where are routes declared?', body: 'Routes are declared in src/router/index.ts and loaded at start.' });
  await writeNote(notebook, 'rust/ffi.md', { title: 'How does the binding work?', body: 'The wrapper calls `Foo::bar` on the Rust side.' });
  await writeNote(notebook, 'ky/errors.md', { title: 'Why does upload fail?', body: 'It fails with ERR_CODE_42 when the socket closes early.' });
  await writeNote(notebook, 'ky/prose.md', { title: 'A note in plain words', body: 'Nothing here but ordinary words about a garden.' });
  await writeNote(notebook, 'ky/one-word.md', { title: 'Outgoing', body: 'A request goes out.' });
  await writeNote(notebook, 'ky/both-words.md', { title: 'Queueing', body: 'We dispatch the request later.' });
  search = await openLocalSearch(notebook);
});

afterAll(async () => {
  await search.close();
  await removeDir(notebook);
});

describe('an identifier or a path', () => {
  it.each([
    ['dispatchRequest', 'ky/dispatch.md'],
    ['snake_case_name', 'ky/config.md'],
    ['src/router/index.ts', 'vite/routes.md'],
    ['Foo::bar', 'rust/ffi.md'],
    ['ERR_CODE_42', 'ky/errors.md'],
  ])('%s is found whole', (query, path) => {
    expect(search.paths(query)[0]).toBe(path);
  });

  it.each([
    ['dispatch', 'ky/dispatch.md'],
    ['request', 'ky/dispatch.md'],
    ['snake', 'ky/config.md'],
    ['name', 'ky/config.md'],
    ['router', 'vite/routes.md'],
    ['index.ts', 'vite/routes.md'],
    ['Foo', 'rust/ffi.md'],
    ['bar', 'rust/ffi.md'],
    ['ERR', 'ky/errors.md'],
    ['42', 'ky/errors.md'],
  ])('is found by its part %s', (query, path) => {
    expect(search.paths(query)).toContain(path);
  });

  it('ranks the whole identifier above notes that share some of its words', () => {
    const paths = search.paths('dispatchRequest');
    expect(paths[0]).toBe('ky/dispatch.md');
    expect(paths).toContain('ky/one-word.md');
  });

  it('needs the whole identifier, or all its words, after + (and the same for -)', () => {
    expect(search.paths('+dispatchRequest').sort()).toEqual(['ky/both-words.md', 'ky/dispatch.md']);
    expect(search.paths('request -dispatchRequest')).toEqual(['ky/one-word.md']);
  });

  it('is found in any case', () => {
    expect(search.paths('DISPATCHREQUEST')).toEqual(['ky/dispatch.md']);
    expect(search.paths('err_code_42')).toEqual(['ky/errors.md']);
  });

  it('does not match a note that only shares ordinary words', () => {
    expect(search.paths('src/router/index.ts')).not.toContain('ky/prose.md');
  });
});

describe('the snippet of a hit', () => {
  const marked = (query: string, path?: string): string[] => {
    const { hits } = search.search(query);
    const snippet = (path ? hits.find((hit) => hit.path === path)! : hits[0]!).snippet!;
    return snippet.highlights.map(([from, to]) => snippet.text.slice(from, to));
  };

  it('marks the whole identifier when it was searched whole', () => {
    expect(marked('dispatchRequest')).toEqual(['dispatchRequest']);
    expect(marked('src/router/index.ts')).toEqual(['src/router/index.ts']);
  });

  it('marks just the part that was searched', () => {
    expect(marked('request', 'ky/dispatch.md')).toEqual(['Request']);
    expect(marked('index.ts')).toEqual(['index.ts']);
    expect(marked('CODE')).toEqual(['CODE']);
  });
});
