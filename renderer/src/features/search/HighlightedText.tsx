import type { TextRange } from '../../../../shared/contract/search';

/**
 * Text with some stretches marked. The ranges come from the engine; the text is rendered as React
 * text nodes, so nothing in a note can become markup.
 */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  const parts: Array<string | { mark: string; key: number }> = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from < at || to > text.length || from >= to) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push({ mark: text.slice(from, to), key: from });
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((part, i) => (typeof part === 'string' ? <span key={`t${i}`}>{part}</span> : <mark key={`m${part.key}`}>{part.mark}</mark>))}
    </>
  );
}
