// lunr's query syntax works, and a mistake in it gives a short message and a best-effort result,
// never an exception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/core/search/query-parser';
import { seededRandom } from '../../bench/synthetic-notebook';
import { writeNote } from '../../support/search-notes';
import { openLocalSearch, type LocalSearch } from '../../support/search-index';
import { removeDir, tempDir } from '../../support/temp';

let notebook: string;
let search: LocalSearch;

beforeAll(async () => {
  notebook = await tempDir('fieldnotes-search-');
  await writeNote(notebook, 'ky/retries.md', { title: 'Why do retries stop?', body: 'Retries stop after a 413 because the body cannot be replayed.', tags: ['http'], repo: 'ky', created: '2026-11-01T08:00:00.000Z' });
  await writeNote(notebook, 'ky/timeouts.md', { title: 'How do timeouts work?', body: 'A timeout aborts the request; retries start again after the backoff.', repo: 'ky', agent: 'codex' });
  await writeNote(notebook, 'vite/plugins.md', { title: 'In what order do plugin hooks run?', body: 'Hooks run in the order plugins are listed. No retries here.', repo: 'vite', tags: ['plugins'] });
  await writeNote(notebook, 'vite/routing.md', { title: 'How does routing work?', body: 'The router matches a route, then calls its handler.', repo: 'vite', mode: 'poc' });
  search = await openLocalSearch(notebook);
});

afterAll(async () => {
  await search.close();
  await removeDir(notebook);
});

describe('lunr query syntax', () => {
  it('finds notes with plain words, any of them (lunr ORs words)', () => {
    expect(search.paths('timeout router').sort()).toEqual(['ky/timeouts.md', 'vite/routing.md']);
  });

  it('requires +words and excludes -words', () => {
    expect(search.paths('+retries +backoff')).toEqual(['ky/timeouts.md']);
    expect(search.paths('retries -backoff').sort()).toEqual(['ky/retries.md', 'vite/plugins.md']);
  });

  it('matches everything but the -words when there are only -words', () => {
    expect(search.paths('-retries')).toEqual(['vite/routing.md']);
  });

  it('searches one field with field:term', () => {
    expect(search.paths('title:retries')).toEqual(['ky/retries.md']);
    expect(search.paths('tags:plugins')).toEqual(['vite/plugins.md']);
  });

  it('matches prefixes with * and typos with ~N', () => {
    expect(search.paths('rout*')).toEqual(['vite/routing.md']);
    expect(search.paths('timout~1')).toEqual(['ky/timeouts.md']);
  });

  it('takes filters in the query: repo:, agent:, mode:', () => {
    expect(search.paths('retries repo:ky').sort()).toEqual(['ky/retries.md', 'ky/timeouts.md']);
    expect(search.paths('retries agent:codex')).toEqual(['ky/timeouts.md']);
    expect(search.paths('hooks mode:poc')).toEqual([]);
  });

  it('filters by date: from a day on, up to a day included', () => {
    expect(search.paths('retries', { filters: { from: '2026-11-02' } }).sort()).toEqual(['ky/timeouts.md', 'vite/plugins.md']);
    expect(search.paths('retries', { filters: { to: '2026-11-01' } })).toEqual(['ky/retries.md']);
  });

  it('boosts a word with ^N', () => {
    const plain = search.search('retries backoff').hits;
    const boosted = search.search('retries backoff^10').hits;
    expect(boosted[0]!.path).toBe('ky/timeouts.md');
    expect(boosted[0]!.score).toBeGreaterThan(plain.find((hit) => hit.path === 'ky/timeouts.md')!.score);
  });
});

describe('a syntax mistake', () => {
  it.each([
    ['foo:', /foo is not a field/],
    ['+', /A lone \+ needs a word/],
    ['-', /A lone - needs a word/],
    ['title:', /title: needs a word/],
    ['retries~', /~ takes the number of typos/],
    ['retries^', /\^ takes a weight/],
    ['*', /A lone \* would match every word/],
  ])('%s gets a short message', (query, message) => {
    const results = search.search(query);
    expect(results.messages.map((m) => m.message).join(' ')).toMatch(message);
    expect(results.messages.every((m) => m.message.length < 200)).toBe(true);
  });

  it('still searches the rest of the query', () => {
    const results = search.search('title: retries +');
    expect(results.messages).toHaveLength(2);
    expect(results.hits.map((hit) => hit.path).sort()).toEqual(['ky/retries.md', 'ky/timeouts.md', 'vite/plugins.md']);
  });

  it('searches `foo:bar` with an unknown field as text, saying so', () => {
    const results = search.search('router:handler');
    expect(results.messages[0]!.message).toMatch(/router is not a field/);
    expect(results.hits.map((hit) => hit.path)).toEqual(['vite/routing.md']);
  });

  it('does not treat code as syntax', () => {
    for (const query of ['Foo::bar', 'a^b', 'ts~x', 'kebab-case', 'http://example.com/a', 'C:\\path', 'x:y:z', '++a', '--a', 'a+b-c']) {
      expect(() => parseQuery(query)).not.toThrow();
      expect(search.search(query).messages.filter((m) => m.code === 'SYNTAX')).toEqual([]);
    }
  });

  it('never throws, whatever is typed', () => {
    const random = seededRandom(7);
    const alphabet = 'ab:+-~^*\\ "\'()[]{}title:body:tags:éπ日本';
    for (let i = 0; i < 2_000; i++) {
      const length = Math.floor(random() * 16);
      let query = '';
      for (let j = 0; j < length; j++) query += alphabet[Math.floor(random() * alphabet.length)];
      expect(() => search.search(query), query).not.toThrow();
    }
  });
});
