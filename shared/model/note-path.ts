// Where a note lives in its notebook: `<repo-name>/<YYYY-MM-DD>-<slug>.md`. Every name made here is
// safe on Linux, macOS and Windows: no reserved characters or device names, no trailing dots or
// spaces, and bounded in length (in UTF-8 bytes, which is what file systems count).

/** The folder for notes that name no repo. */
export const NO_REPO_FOLDER = 'notes';

const MAX_SLUG_BYTES = 96;
const MAX_FOLDER_BYTES = 64;

/** CON, PRN, AUX, NUL, COM0-9, LPT0-9 (also with an extension, and with superscript digits). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const RESERVED_CHARACTERS = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

/** UTF-8 length of a string, without TextEncoder (shared/ has no DOM or Node globals). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The longest prefix of `text` (whole characters) that fits in `maxBytes` of UTF-8. */
function clipBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/**
 * A title as a file-name slug: lowercase letters and digits (any script) joined by dashes, accents
 * folded (`Ünïcödé` → `unicode`), cut at a word boundary. `note` when nothing is left.
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    // Accents come off Latin letters only: in other scripts marks are part of the letter (グ).
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return 'note';
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (utf8Length(next) > MAX_SLUG_BYTES) {
      // A single giant word is clipped rather than dropped.
      if (!slug) slug = clipBytes(word, MAX_SLUG_BYTES);
      break;
    }
    slug = next;
  }
  return slug || 'note';
}

/**
 * One path segment safe on every platform: reserved characters become `-`, leading and trailing
 * dots and spaces go, device names get a `_`, and the length is bounded. `fallback` when empty.
 */
export function safeSegment(name: string, fallback: string, maxBytes = MAX_FOLDER_BYTES): string {
  let safe = name
    .normalize('NFC')
    .replace(RESERVED_CHARACTERS, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  safe = clipBytes(safe, maxBytes).replace(/[\s.]+$/g, '');
  if (!safe) return fallback;
  // `aux.txt` is the AUX device too: the mark goes before the first dot.
  if (WINDOWS_DEVICE.test(safe)) safe = safe.replace(/^[^.]+/, (device) => `${device}_`);
  return safe;
}

/** The folder a repo's notes go in. */
export function repoFolder(repoName: string | undefined): string {
  return repoName ? safeSegment(repoName, NO_REPO_FOLDER) : NO_REPO_FOLDER;
}

/**
 * The relative path for a note: `<repo>/<YYYY-MM-DD>-<slug>.md`, with `-2`, `-3`… for the
 * `attempt`-th candidate when the first is taken. The date is the UTC day of `created`.
 */
export function notePath(options: { repo?: string; created: string; title: string; attempt?: number }): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(options.created)?.[0] ?? '0000-00-00';
  const attempt = options.attempt ?? 1;
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${repoFolder(options.repo)}/${day}-${slugify(options.title)}${suffix}.md`;
}

/** The same note path in another folder (retitling keeps the folder a note is in). */
export function renamedNotePath(currentPath: string, created: string, title: string, attempt = 1): string {
  const slash = currentPath.lastIndexOf('/');
  const folder = slash >= 0 ? currentPath.slice(0, slash) : '';
  const name = notePath({ created, title, attempt }).slice(NO_REPO_FOLDER.length + 1);
  return folder ? `${folder}/${name}` : name;
}
