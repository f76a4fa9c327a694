// Finding the citations in a note's body: `path:line`, `path:line-line`, `path#L10-L20`, a bare
// path (kept only when it turns out to be a file of the repo) and Markdown links to repo files.
// marked's lexer tells code spans and plain text (searched) from fenced code (a code block's own
// text is not a citation) and from links to the web.
import { marked, type Token } from 'marked';
import type { LineRange } from '../../../shared/contract/citations';

export interface FoundCitation {
  /** As written: `src/router.ts:40-52`. */
  text: string;
  /** The path part, as written (a leading `./` removed). */
  path: string;
  lines?: LineRange;
  /** True when only a path was written: a citation only if the repo has such a file. */
  bare: boolean;
}

/** A path: segments of word characters, dots and dashes, with a slash or a file extension. */
const CANDIDATE = /(?<![\w./@:#-])((?:\.{0,2}\/)?[\w@+-][\w.@+-]*(?:\/[\w.@+-]+)*)(?::(\d+)(?:-(\d+))?(?::\d+)?|#L(\d+)(?:-L?(\d+))?)?(?![\w/])/g;

/** Every distinct citation of the body, in order of first appearance. */
export function findCitations(body: string): FoundCitation[] {
  const found = new Map<string, FoundCitation>();
  const add = (citation: FoundCitation | null) => {
    if (citation && !found.has(citation.text)) found.set(citation.text, citation);
  };
  const visit = (tokens: readonly Token[] | undefined): void => {
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'code':
        case 'html':
          continue;
        case 'codespan':
        case 'text':
        case 'escape':
          if (token.type === 'text' && token.tokens) visit(token.tokens);
          else for (const citation of scan(token.text)) add(citation);
          continue;
        case 'link':
          add(fromLink(token.href));
          visit(token.tokens);
          continue;
        case 'list':
          for (const item of token.items) visit(item.tokens);
          continue;
        case 'table':
          for (const cell of token.header) visit(cell.tokens);
          for (const row of token.rows) for (const cell of row) visit(cell.tokens);
          continue;
        default:
          if ('tokens' in token) visit(token.tokens);
      }
    }
  };
  visit(marked.lexer(body, { gfm: true }));
  return [...found.values()];
}

function scan(text: string): FoundCitation[] {
  const citations: FoundCitation[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const citation = candidate(match[0], match[1]!, match[2] ?? match[4], match[3] ?? match[5]);
    if (citation) citations.push(citation);
  }
  return citations;
}

function candidate(text: string, rawPath: string, start: string | undefined, end: string | undefined): FoundCitation | null {
  const path = rawPath.replace(/^\.\//, '').replace(/[.]+$/, '');
  // A path has a folder or an extension, and is not a number, a version or a host name.
  const lastSegment = path.split('/').pop() ?? '';
  const looksLikeFile = path.includes('/') || /\.[A-Za-z][\w-]*$/.test(lastSegment);
  if (!looksLikeFile || /^\d/.test(lastSegment) || /^(?:https?|www)\b/.test(path) || path.startsWith('../')) return null;
  const trimmedText = start === undefined ? path : text;
  if (start === undefined) return { text: trimmedText, path, bare: true };
  const first = Number(start);
  const last = end === undefined ? first : Number(end);
  if (first < 1) return null;
  return { text: trimmedText, path, lines: { start: first, end: Math.max(first, last) }, bare: false };
}

/** A link's target, when it is a file of the repo rather than a web address, a mail or an anchor. */
function fromLink(href: string): FoundCitation | null {
  if (!href || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null;
  let target: string;
  try {
    target = decodeURI(href);
  } catch {
    target = href;
  }
  const match = /^((?:\.\/)?[^\s#?:]+)(?::(\d+)(?:-(\d+))?|#L(\d+)(?:-L?(\d+))?)?$/.exec(target);
  if (!match) return null;
  const found = candidate(target, match[1]!, match[2] ?? match[4], match[3] ?? match[5]);
  // A link says it points at a file: a bare one is still checked (and broken when missing).
  return found ? { ...found, text: target.replace(/^\.\//, ''), bare: false } : null;
}
