// Cuts a note's Markdown into pieces that render on their own exactly as they do inside the whole
// note, so a long note can be rendered a piece at a time. A cut goes only before a line that
// starts a new top-level block for sure: after a blank line, at column 0, outside fenced code and
// raw HTML that may hold blank lines, and never before a list item (a blank line between items
// keeps one loose list). Joined, the pieces are the source again.

/** Raw HTML blocks that end at a closing marker rather than at a blank line (CommonMark 4.6, kinds 1–3 and 5). */
const HTML_BLOCKS: { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
];
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
/** A link reference definition: `[label]: destination "title"`. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;

export interface MarkdownPieces {
  /** The source cut into pieces; `pieces.join('') === source`. */
  pieces: string[];
  /**
   * The note's link reference definitions (`[x]: https://…`), which a piece needs to resolve
   * `[text][x]` written in another piece: append them when rendering a piece alone.
   */
  definitions: string;
}

/**
 * Cuts `source` at the first safe place after each `size` characters (a piece can be longer when
 * no safe place comes sooner: a long code block is one piece).
 */
export function splitMarkdown(source: string, size = 4_000): MarkdownPieces {
  const pieces: string[] = [];
  const definitions: string[] = [];
  let pieceStart = 0;
  let fence: { char: string; length: number } | null = null;
  let html: RegExp | null = null;
  let previousBlank = false;
  let at = 0;
  while (at < source.length) {
    const newline = source.indexOf('\n', at);
    const end = newline === -1 ? source.length : newline + 1;
    const line = source.slice(at, newline === -1 ? source.length : newline);
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && BLANK.test(line.slice(close[0].length))) fence = null;
    } else if (html) {
      if (html.test(line)) html = null;
    } else {
      if (previousBlank && at - pieceStart >= size && line[0] !== ' ' && line[0] !== '\t' && !BLANK.test(line) && !LIST_ITEM.test(line)) {
        pieces.push(source.slice(pieceStart, at));
        pieceStart = at;
      }
      if (line.includes(']:') && DEFINITION.test(line)) definitions.push(line);
      const open = FENCE.exec(line);
      // A backtick fence's info string holds no backtick (otherwise the line is inline code).
      if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) fence = { char: open[1]![0]!, length: open[1]!.length };
      else {
        const block = HTML_BLOCKS.find((kind) => kind.start.test(line));
        // A block that closes on its own first line is over already.
        if (block && !block.end.test(line.replace(block.start, ''))) html = block.end;
      }
    }
    previousBlank = !fence && !html && BLANK.test(line);
    at = end;
  }
  if (pieceStart < source.length || pieces.length === 0) pieces.push(source.slice(pieceStart));
  return { pieces, definitions: definitions.join('\n') };
}
