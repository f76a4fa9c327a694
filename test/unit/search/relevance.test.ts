// Ranking: what a reader expects first comes first, and the scores are lunr's own.
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_BOOSTS, FIELDS } from '../../../electron/core/search/fields';
import { readIndexedNote } from '../../../electron/core/search/indexed-note';
import { queryTerms } from '../../../electron/core/search/query-parser';
import { termsOfText } from '../../../electron/core/search/tokenizer';
import { syntheticNote, writeSyntheticNotebook } from '../../bench/synthetic-notebook';
import { writeNote } from '../../support/search-notes';
import { openLocalSearch, type LocalSearch } from '../../support/search-index';
import { removeDir, tempDir } from '../../support/temp';

describe('ranking', () => {
  let notebook: string;
  let search: LocalSearch;
  const filler = 'The queue keeps tasks in order and the worker takes them one at a time. '.repeat(30);

  beforeAll(async () => {
    notebook = await tempDir('fieldnotes-search-');
    await writeNote(notebook, 'ky/mention.md', { title: 'How the queue drains', body: `${filler} Somewhere in here a retry happens. ${filler}` });
    await writeNote(notebook, 'ky/title.md', { title: 'Why does retry stop after a 413?', body: 'Because the body stream was already read.' });
    await writeNote(notebook, 'ky/partial.md', { title: 'Sending', body: 'It calls dispatchRequestLater, which queues the request for dispatch.' });
    await writeNote(notebook, 'ky/exact.md', { title: 'Sending now', body: 'It calls dispatchRequest, which sends at once.' });
    await writeNote(notebook, 'ky/old.md', { title: 'Retry budget', body: 'Older note.', created: '2025-01-01T00:00:00.000Z' });
    search = await openLocalSearch(notebook);
  });

  afterAll(async () => {
    await search.close();
    await removeDir(notebook);
  });

  it('puts a title match above a passing mention in a long body', () => {
    const paths = search.paths('retry');
    expect(paths.indexOf('ky/title.md')).toBeLessThan(paths.indexOf('ky/mention.md'));
  });

  it('puts an exact identifier match above a partial one', () => {
    const paths = search.paths('dispatchRequest');
    expect(paths.slice(0, 2)).toEqual(['ky/exact.md', 'ky/partial.md']);
  });

  it('sorts by newest when asked', () => {
    const newest = search.search('retry', { sort: 'newest' }).hits.map((hit) => hit.created);
    expect(newest).toEqual([...newest].sort().reverse());
    expect(newest.at(-1)).toBe('2025-01-01T00:00:00.000Z');
  });

  it('pages through results with limit and offset', () => {
    const all = search.paths('retry');
    expect(search.paths('retry', { limit: 1, offset: 1 })).toEqual([all[1]]);
    expect(search.search('retry', { limit: 1 }).total).toBe(all.length);
  });
});

describe('scores', () => {
  let notebook: string;
  let search: LocalSearch;
  let reference: lunr.Index;

  beforeAll(async () => {
    notebook = await tempDir('fieldnotes-search-');
    await writeSyntheticNotebook(notebook, 60, 3);
    search = await openLocalSearch(notebook);
    // lunr itself, fed the same terms: our tokenizer in front of an empty pipeline.
    const notes = await Promise.all(Array.from({ length: 60 }, (_, i) => readIndexedNote(notebook, syntheticNote(i, 3).relPath)));
    const analyze = (token: lunr.Token): lunr.Token[] => queryTerms(token.toString()).map((term) => new lunr.Token(term, {}));
    lunr.Pipeline.registerFunction(analyze as unknown as lunr.PipelineFunction, 'fieldnotes-query-terms');
    reference = lunr(function () {
      this.ref('path');
      for (const field of FIELDS) this.field(field, { boost: FIELD_BOOSTS[field] });
      this.tokenizer = ((text: string) => {
        const tokens: lunr.Token[] = [];
        termsOfText(String(text ?? ''), (term) => tokens.push(new lunr.Token(term, {})));
        return tokens;
      }) as unknown as typeof lunr.tokenizer;
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.searchPipeline.add(analyze as unknown as lunr.PipelineFunction);
      for (const note of notes) {
        this.add({ path: note!.facts.path, ...Object.fromEntries(FIELDS.map((field, f) => [field, note!.fieldTexts[f]])) });
      }
    });
  });

  afterAll(async () => {
    await search.close();
    await removeDir(notebook);
  });

  it.each(['request', 'request handler', 'rout*', 'handlr~1', 'title:work', '+cache -pipeline', 'cache^5 lock', 'src/router', '-throttle', 'title:rout* body:handler'])(
    'for %s match lunr.Index, note for note',
    (query) => {
      const ours = new Map(search.search(query, { limit: 200 }).hits.map((hit) => [hit.path, hit.score]));
      const theirs = reference.search(query);
      expect(theirs.length).toBeGreaterThan(0);
      expect(ours.size).toBe(theirs.length);
      for (const result of theirs) expect(ours.get(result.ref), result.ref).toBeCloseTo(result.score, 2);
    },
  );
});
