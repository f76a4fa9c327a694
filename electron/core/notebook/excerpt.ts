// A note's excerpt for lists and snippets. Its own module, free of YAML and schema libraries, so
// the search worker can use it without loading them.

const EXCERPT_LENGTH = 240;

/** The first words of the body as plain text: no Markdown syntax, no code blocks. */
export function excerptOf(body: string): string {
  const text = body
    .slice(0, 4000)
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[*_`>#|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EXCERPT_LENGTH ? text.slice(0, EXCERPT_LENGTH - 1).trimEnd() + '…' : text;
}
