// The editors a file link (a note's citation) can open in, and the argv each is started with. A
// template's `{file}` and `{line}` are filled in one pass, word by word: the argv is never joined
// into a shell line, so a file name can hold spaces, quotes, `$(...)` or `{line}` and still arrive
// as one word, as it is.

export const EDITOR_KINDS = ['system', 'vscode', 'cursor', 'zed', 'jetbrains', 'custom'] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

export interface EditorInfo {
  label: string;
  /** The argv when there is a line to go to. */
  atLine: readonly string[];
  /** The argv for a file without a line. */
  file: readonly string[];
  /** How to get the command when it is not on PATH. */
  installHint: string;
}

/** The editors Fieldnotes knows by name (the system opener and a custom command are not in it). */
export const KNOWN_EDITORS: Record<Exclude<EditorKind, 'system' | 'custom'>, EditorInfo> = {
  vscode: {
    label: 'VS Code',
    atLine: ['code', '--goto', '{file}:{line}'],
    file: ['code', '{file}'],
    installHint: 'In VS Code, run “Shell Command: Install ‘code’ command in PATH” from the command palette.',
  },
  cursor: {
    label: 'Cursor',
    atLine: ['cursor', '--goto', '{file}:{line}'],
    file: ['cursor', '{file}'],
    installHint: 'In Cursor, run “Shell Command: Install ‘cursor’ command in PATH” from the command palette.',
  },
  zed: {
    label: 'Zed',
    atLine: ['zed', '{file}:{line}'],
    file: ['zed', '{file}'],
    installHint: 'In Zed, run “cli: install” from the command palette.',
  },
  jetbrains: {
    label: 'JetBrains (IntelliJ IDEA)',
    atLine: ['idea', '--line', '{line}', '{file}'],
    file: ['idea', '{file}'],
    installHint: 'In the JetBrains Toolbox, turn on “Generate shell scripts”, or in the IDE use Tools › Create Command-line Launcher.',
  },
};

/** What `{file}` and `{line}` stand for. */
const PLACEHOLDER = /\{(file|line)\}/g;

/** True when a custom command line says where the file goes. */
export function hasFilePlaceholder(argv: readonly string[]): boolean {
  return argv.some((word) => word.includes('{file}'));
}

/**
 * The argv that opens `file` (an absolute path) at `line` with a template: each word of it with
 * `{file}` and `{line}` replaced (a missing line is 1 in a custom command). The path is never
 * scanned for placeholders itself.
 */
export function fillEditorArgv(template: readonly string[], file: string, line?: number): string[] {
  const values = { file, line: String(line ?? 1) };
  return template.map((word) => word.replace(PLACEHOLDER, (_match, key: 'file' | 'line') => values[key]));
}

/** The argv for a named editor: at the line when there is one, the file alone otherwise. */
export function knownEditorArgv(kind: keyof typeof KNOWN_EDITORS, file: string, line?: number): string[] {
  const editor = KNOWN_EDITORS[kind];
  return fillEditorArgv(line === undefined ? editor.file : editor.atLine, file, line);
}
