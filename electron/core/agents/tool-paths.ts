// Which files a tool call touches: paths made relative to the working directory, and the
// file arguments of the shell commands agents run to read code (cat, sed -n, rg, ...).
import path from 'node:path';

/** A path relative to `cwd` when it lies inside it; otherwise the absolute path. */
export function relativeTo(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return path.normalize(file);
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Programs whose plain (non-option) arguments are all files. */
const FILE_ARGS = new Set(['cat', 'nl', 'wc', 'ls', 'less', 'more', 'file', 'stat', 'tree', 'bat', 'tac', 'xxd', 'od', 'diff', 'touch', 'mkdir', 'rm', 'cp', 'mv', 'tee']);
/** Programs whose first plain argument is a pattern or script, and the rest are files. */
const PATTERN_FIRST = new Set(['grep', 'egrep', 'fgrep', 'rg', 'ag', 'sed', 'awk']);
/** Programs whose first plain argument is a script file. */
const SCRIPT_FIRST = new Set(['node', 'python', 'python3', 'bash', 'sh', 'deno', 'tsx', 'ruby', 'perl']);
/** Options that take a value (so the next word is not a file), per program. */
const SEARCH_VALUE_OPTIONS = ['-e', '-f', '-g', '-t', '-T', '-m', '-A', '-B', '-C', '-M', '-j', '--glob', '--iglob', '--type',
  '--type-not', '--type-add', '--max-count', '--context', '--before-context', '--after-context', '--regexp', '--file', '--max-depth'];
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  grep: new Set(SEARCH_VALUE_OPTIONS),
  egrep: new Set(SEARCH_VALUE_OPTIONS),
  fgrep: new Set(SEARCH_VALUE_OPTIONS),
  rg: new Set(SEARCH_VALUE_OPTIONS),
  ag: new Set(SEARCH_VALUE_OPTIONS),
  sed: new Set(['-e', '-f', '--expression', '--file']),
  awk: new Set(['-f', '-F', '-v']),
  head: new Set(['-n', '-c', '--lines', '--bytes']),
  tail: new Set(['-n', '-c', '--lines', '--bytes']),
  node: new Set(['-e', '-p', '--eval', '--print', '-r', '--require', '--import']),
  python: new Set(['-c', '-m']),
  python3: new Set(['-c', '-m']),
};
const NO_VALUE_OPTIONS: ReadonlySet<string> = new Set();
/** Options after which the pattern (or script) was given, so the first plain argument is already a file. */
const PATTERN_OPTIONS = new Set(['-e', '-f', '--regexp', '--file', '--expression']);
/** Options that give an interpreter its code inline, so there is no script file. */
const INLINE_CODE_OPTIONS = new Set(['-e', '-p', '-c', '--eval', '--print']);

type Token = { word: string } | { op: string };

/**
 * The files a shell command line reads or writes, relative to `cwd`. Best effort: it knows the
 * usual reading commands, `bash -lc '...'` wrappers, pipes, `&&`, `;` and redirections.
 */
export function shellCommandPaths(command: string | readonly string[], cwd: string): string[] {
  const tokens = typeof command === 'string' ? tokenize(command) : command.map((word) => ({ word }));
  const found = new Set<string>();
  for (const simple of splitCommands(tokens)) {
    for (const file of simpleCommandPaths(simple, cwd)) found.add(file);
  }
  return [...found];
}

/** The script inside `bash -lc '<script>'` (any shell, any nesting), else the command itself. */
export function unwrapShell(command: string): string {
  const words = tokenize(command);
  const first = words[0];
  const flag = words[1];
  const script = words[2];
  if (words.length === 3 && first && 'word' in first && /(^|\/)(ba|z|da)?sh$/.test(first.word)
    && flag && 'word' in flag && /^-[a-z]*c[a-z]*$/.test(flag.word) && script && 'word' in script) {
    return unwrapShell(script.word);
  }
  return command;
}

function splitCommands(tokens: Token[]): string[][] {
  const commands: string[][] = [[]];
  let redirectNext = false;
  for (const token of tokens) {
    if ('op' in token) {
      if (/^\d*>>?$|^<$/.test(token.op)) {
        redirectNext = true;
      } else if (!/^\d*>&\d*$/.test(token.op)) {
        commands.push([]);
      }
      continue;
    }
    if (redirectNext) {
      // A redirection target travels as its own one-word "command" of files.
      commands.push([':redirect', token.word], []);
      redirectNext = false;
      continue;
    }
    commands[commands.length - 1]?.push(token.word);
  }
  return commands.filter((c) => c.length > 0);
}

function simpleCommandPaths(words: string[], cwd: string): string[] {
  let index = 0;
  while (index < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index] ?? '')) index += 1; // VAR=value prefixes
  const program = path.basename(words[index] ?? '');
  const args = words.slice(index + 1);
  if (program === ':redirect') return keep(args, cwd);
  if (/^(ba|z|da)?sh$/.test(program) && args[0] && /^-[a-z]*c[a-z]*$/.test(args[0]) && args[1]) {
    return shellCommandPaths(args[1], cwd);
  }
  if (program === 'git' && args[0] === 'show') return [];
  if (program === 'find') {
    const roots: string[] = [];
    for (const arg of args) {
      if (arg.startsWith('-') || arg === '(' || arg === '!') break;
      roots.push(arg);
    }
    return keep(roots, cwd);
  }
  const valueOptions = VALUE_OPTIONS[program] ?? NO_VALUE_OPTIONS;
  const plain: string[] = [];
  let patternGiven = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      plain.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (PATTERN_OPTIONS.has(arg) || (SCRIPT_FIRST.has(program) && INLINE_CODE_OPTIONS.has(arg))) patternGiven = true;
      if (valueOptions.has(arg)) i += 1;
      continue;
    }
    plain.push(arg);
  }
  if (FILE_ARGS.has(program)) return keep(plain, cwd);
  if (PATTERN_FIRST.has(program)) return keep(patternGiven ? plain : plain.slice(1), cwd);
  if (SCRIPT_FIRST.has(program)) return patternGiven ? [] : keep(plain.slice(0, 1), cwd);
  if (program === 'head' || program === 'tail') return keep(plain.filter((arg) => !/^\d+$/.test(arg)), cwd);
  return [];
}

function keep(words: string[], cwd: string): string[] {
  return words
    .filter((word) => word !== '' && !word.startsWith('/dev/') && !/[*?$`]/.test(word))
    .map((word) => relativeTo(cwd, path.resolve(cwd, word)));
}

/** Splits a command line into words and operators, honouring quotes and backslashes. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) tokens.push({ word });
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] ?? '';
    if (char === "'") {
      const end = line.indexOf("'", i + 1);
      const stop = end === -1 ? line.length : end;
      word += line.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (char === '"') {
      inWord = true;
      for (i += 1; i < line.length && line[i] !== '"'; i += 1) {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i += 1;
        word += line[i] ?? '';
      }
    } else if (char === '\\') {
      word += line[i + 1] ?? '';
      inWord = true;
      i += 1;
    } else if (/\s/.test(char)) {
      flush();
    } else if (/[|&;<>()]/.test(char)) {
      const fd = /^\d+$/.test(word) && (char === '>' || char === '<') ? word : '';
      if (fd) {
        word = '';
        inWord = false;
      }
      flush();
      const op = /^(\|\||&&|>>|>&\d*|;;)/.exec(line.slice(i))?.[0] ?? char;
      tokens.push({ op: fd + op });
      i += op.length - 1;
    } else {
      word += char;
      inWord = true;
    }
  }
  flush();
  return tokens;
}
