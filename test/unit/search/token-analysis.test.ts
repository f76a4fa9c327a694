// The fast ASCII analysis of tokens says exactly what the Unicode regular expressions say.
import { describe, expect, it } from 'vitest';
import { analyzeToken, analyzeUnicode } from '../../../electron/core/search/token-analysis';
import { forEachToken } from '../../../electron/core/search/tokenizer';
import { syntheticNote } from '../../bench/synthetic-notebook';

describe('token analysis', () => {
  it.each([
    'routing', 'Request', 'XMLHttpRequest', 'HTTP2Response', 'dispatchRequest', 'snake_case_name', 'ERR_CODE_42',
    'src/router/index.ts', 'Foo::bar', 'a::b::C', 'kebab-case', 'Class#method', 'C:\\dir\\file.txt', 'v8', '42', 'foo_',
    '$scope', '__proto__', 'ABC', 'aB', 'the', 'getX', 'x.y.z', 'src/core/dispatchRequest.ts', 'to_be_or', 'I18N',
  ])('of %s matches the reference', (token) => {
    expect(analyzeToken(token)).toEqual(analyzeUnicode(token));
  });

  it('matches the reference on every token of a hundred synthetic notes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) forEachToken(syntheticNote(i, 9).text, (raw) => void seen.add(raw));
    expect(seen.size).toBeGreaterThan(5_000);
    for (const token of seen) expect(analyzeToken(token), token).toEqual(analyzeUnicode(token));
  });
});
