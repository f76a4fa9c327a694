// Characters that have no business in a title, a tag or a path: controls, invisible formatting,
// bidirectional overrides (which make `evil.md‮txt` look harmless) and look-alike slashes and dots.

export interface OddCharacter {
  /** The character's code point as U+XXXX. */
  codePoint: string;
  /** What kind of character it is, in words. */
  kind: string;
  /** Index in the string (UTF-16 units). */
  index: number;
}

const KINDS: Array<[RegExp, string]> = [
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  [/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u, 'a control character'],
  [/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u, 'a bidirectional text override'],
  [/[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/u, 'an invisible formatting character'],
  [/[\uFFF9-\uFFFB\uFFFE\uFFFF]/u, 'a Unicode noncharacter'],
  [/\p{Cs}/u, 'a broken (lone surrogate) character'],
];

/** Look-alikes of `/`, `\` and `.` that some systems map to the real thing. */
const PATH_LOOKALIKES = /[\u2024\u2044\u2215\u29F5\u29F8\uFE52\uFF0E\uFF0F\uFF3C\u00A5\u20A9]/u;

const NEWLINES = /[\n\r\t]/u;

/**
 * The first character of `text` that a person could not see or that misleads, or null.
 * Newlines and tabs count as odd unless `allowNewlines` (a note body may have them; a title not).
 */
export function findOddCharacter(text: string, options: { allowNewlines?: boolean; path?: boolean } = {}): OddCharacter | null {
  let best: OddCharacter | null = null;
  const consider = (pattern: RegExp, kind: string): void => {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index)) {
      const code = text.codePointAt(match.index) ?? 0;
      best = { codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, kind, index: match.index };
    }
  };
  for (const [pattern, kind] of KINDS) consider(pattern, kind);
  if (!options.allowNewlines) consider(NEWLINES, 'a line break or tab');
  if (options.path) consider(PATH_LOOKALIKES, 'a look-alike of a slash or a dot');
  return best;
}

/** "contains a bidirectional text override (U+202E) at position 4" */
export function describeOddCharacter(odd: OddCharacter): string {
  return `contains ${odd.kind} (${odd.codePoint}) at position ${odd.index + 1}`;
}
