// A note's excerpt for lists and snippets: the opening prose as a reader of the rendered note sees
// it. Its own module, free of YAML, schema and Markdown libraries, so the search worker can use it
// without loading them, and listing thousands of notes stays a few regular expressions per note.

const EXCERPT_LENGTH = 240;

/**
 * The first words of the body as plain text: no Markdown syntax (emphasis, headings, links, list
 * markers), no code blocks, no tables, and identifiers kept as written (`tool_result`, `__init__`).
 */
export function excerptOf(body: string): string {
  const prose = body
    .slice(0, 4000)
    .replace(/^(```|~~~)[\s\S]*?(^\1|$(?![\s\S]))/gm, '\n')
    .split('\n')
    .filter((line) => !isHeading(line) && !isTableLine(line) && !/^\s*([-*_]\s*){3,}$/.test(line))
    .join('\n');
  const text = readerText(prose).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? text.slice(0, EXCERPT_LENGTH - 1).trimEnd() + '…' : text;
}

/** Inline Markdown as it reads: emphasis, code marks, links, images and HTML tags taken away. */
export function readerText(markdown: string): string {
  const blocks = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/gm, '');
  // Code spans keep every character but their backticks; emphasis is read only outside them.
  return blocks
    .split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/)
    .map((part, i) => (i % 3 === 2 ? part : i % 3 === 1 ? '' : prose(part)))
    .join('');
}

function prose(text: string): string {
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/\*{1,3}(?=\S)([^*\n]*?\S)\*{1,3}/g, '$1')
    // Underscores mark emphasis only at word edges: `tool_result` stays as written.
    .replace(/(^|[^\w])(_{1,3})(?=[^\s_])([^\n]*?[^\s_])\2(?!\w)/g, '$1$3')
    .replace(/~~(?=\S)([^~\n]*?\S)~~/g, '$1')
    .replace(/`/g, '');
}

function isHeading(line: string): boolean {
  return /^\s{0,3}#{1,6}(\s|$)/.test(line) || /^\s{0,3}(=+|-+)\s*$/.test(line);
}

function isTableLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('|') || /^:?-{3,}:?\s*\|/.test(trimmed) || (trimmed.includes(' | ') && trimmed.split('|').length > 2);
}
