// A custom command's argv as one line to read and edit: words split at spaces, quotes group words
// ("my agent" or 'my agent'), a backslash escapes the next character. Fieldnotes never runs it
// through a shell; this is only how the argv is written down.

/** ["llm", "-m", "gpt 4o"] → `llm -m 'gpt 4o'`. */
export function formatCommandLine(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** `llm -m 'gpt 4o'` → ["llm", "-m", "gpt 4o"]; an unclosed quote is an error the user can fix. */
export function parseCommandLine(line: string): { argv: string[] } | { error: string } {
  const argv: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i]!;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i]!;
    } else if (/\s/.test(ch)) {
      if (word !== null) argv.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) return { error: `A ${quote === '"' ? 'double' : 'single'} quote is not closed.` };
  if (word !== null) argv.push(word);
  return { argv };
}
