// Terms sort in the order binary search over a vocabulary assumes: JavaScript's `<`.
import { describe, expect, it } from 'vitest';
import { sortedOrder } from '../../../electron/core/search/sort-terms';
import { seededRandom } from '../../bench/synthetic-notebook';

describe('sortedOrder', () => {
  it('orders texts as Array.prototype.sort does, for prefixes, shared stems, unicode and empty strings', () => {
    const random = seededRandom(11);
    const alphabet = ['a', 'b', 'z', '_', '/', '.', 'é', '日', '\u{1F600}', '0', '9'];
    const texts = new Set<string>(['', 'a', 'ab', 'abc', 'abd', 'b', 'route', 'router', 'routerequest', 'routes']);
    while (texts.size < 3_000) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      texts.add(text);
    }
    const list = [...texts];
    const sorted = Array.from(sortedOrder(list), (i) => list[i]);
    expect(sorted).toEqual([...list].sort());
  });
});
