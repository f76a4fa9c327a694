// A note cut down to its summary and citations, for a bundle that must fit a budget: the section
// the agent called its summary (Summary, TL;DR, In short, Answer…) or else the first paragraph,
// then every file the note cites, so the reader still knows where to look.
import { marked, type Token } from 'marked';
import { findCitations } from '../repos/citations';

/** Headings under which agents put their short answer. */
const SUMMARY_HEADING = /^(summary|tl;?\s?dr|in short|short answer|the short answer|answer|conclusion|bottom line|key findings|findings)\b/i;

/** The longest summary kept, in characters: a paragraph, not a page. */
const MAX_SUMMARY = 1200;

/** The body of a summarized note: a line saying so, the summary, and the citations. */
export function summaryBody(body: string, sources: readonly string[] = []): string {
  const summary = summaryOf(body);
  const cited = citationsOf(body, sources);
  return [
    '(Summary and citations only: the full note was left out to fit the context budget.)',
    '',
    summary || '(The note has no summary paragraph.)',
    ...(cited.length > 0 ? ['', 'Citations:', ...cited.map((citation) => `- ${citation}`)] : []),
    '',
  ].join('\n');
}

/** The note's summary section or first paragraph, as Markdown, at most MAX_SUMMARY characters. */
export function summaryOf(body: string): string {
  const tokens = marked.lexer(body, { gfm: true });
  const headed = tokens.findIndex((token) => token.type === 'heading' && SUMMARY_HEADING.test(token.text.trim()));
  const from = headed >= 0 ? headed + 1 : tokens.findIndex(isProse);
  if (from < 0) return '';
  const taken: string[] = [];
  for (const token of tokens.slice(from)) {
    if (token.type === 'heading') break;
    if (token.type === 'space') continue;
    if (!isProse(token)) {
      if (taken.length > 0) break;
      continue;
    }
    taken.push(token.raw.trim());
    // Under a summary heading the whole section is the summary; otherwise the first paragraph.
    if (headed < 0 || taken.join('\n\n').length >= MAX_SUMMARY) break;
  }
  return cut(taken.join('\n\n'));
}

function isProse(token: Token): boolean {
  return token.type === 'paragraph' || token.type === 'list' || token.type === 'blockquote';
}

function cut(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  const head = text.slice(0, MAX_SUMMARY);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'));
  return (sentence > MAX_SUMMARY / 2 ? head.slice(0, sentence + 1) : head.trimEnd()) + ' …';
}

/** The note's citations as written (`src/router.ts:40-52`); bare paths only when the agent read them. */
function citationsOf(body: string, sources: readonly string[]): string[] {
  const read = new Set(sources);
  const found = findCitations(body)
    .filter((citation) => !citation.bare || read.has(citation.path))
    .map((citation) => `\`${citation.text}\``);
  return [...new Set(found)];
}
