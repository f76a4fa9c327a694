// Markdown to safe HTML: marked renders, highlight.js colors code, DOMPurify removes anything that
// could run script, load remote content or restyle the page. Notes are untrusted input. A long note
// is rendered a piece at a time (renderMarkdownPiece), its code colored once it is near the screen.
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { highlightCode, isKnownLanguage } from './highlight';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

/** Source files a note cites in inline code: `src/router/index.ts:42`, `Ky.ts`. */
const SOURCE_EXTENSIONS = 'c|cc|cjs|cpp|cs|css|go|h|hpp|html|java|js|json|jsx|kt|lua|md|mjs|mts|php|py|rb|rs|scss|sh|sql|svelte|swift|toml|ts|tsx|vue|yaml|yml|zig';
const FILE_REFERENCE = new RegExp(
  `^(?:\\.{1,2}/)?(?:[\\w@.+-]+/)*[\\w@.+-]+(?:\\.(?:${SOURCE_EXTENSIONS})|/[\\w@.+-]+\\.[A-Za-z][\\w]{0,7})(?::\\d+(?::\\d+)?(?:-\\d+)?|#L\\d+)?$`,
);

/** marked for a whole document (colored code), or for a piece whose code is colored later. */
function createMarked(colorCode: boolean): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      codespan({ text }: Tokens.Codespan): string {
        // marked has already escaped `text`; a file reference becomes a link the app opens.
        const raw = text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
        if (!FILE_REFERENCE.test(raw)) return `<code>${text}</code>`;
        return `<a href="#" class="file-link" data-file="${escapeHtml(raw)}" title="Open ${escapeHtml(raw)}"><code>${text}</code></a>`;
      },
      code({ text, lang }: Tokens.Code): string {
        const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
        const known = isKnownLanguage(language);
        const html = (colorCode ? highlightCode(text, language) : null) ?? escapeHtml(text);
        const label = language ? `<span class="code-lang">${escapeHtml(language)}</span>` : '';
        return `<pre class="code-block">${label}<code class="hljs${known ? ` language-${language}` : ''}">${html}</code></pre>\n`;
      },
    },
  });
}

const marked = createMarked(true);
const markedPiece = createMarked(false);

const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    // A remote image is a request to someone else's server every time the note is read: not loaded.
    const src = node.getAttribute('src') ?? '';
    if (/^(https?:)?\/\//i.test(src)) {
      node.removeAttribute('src');
      node.setAttribute('title', `Remote image not loaded: ${src}`);
      node.classList.add('blocked-image');
    }
  }
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (/^https?:/i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (href && !/^(#|mailto:)/i.test(href)) {
      // A relative link names a file of the note's repo: the app opens it (NoteView), the page never follows it.
      node.setAttribute('data-file', href);
      node.setAttribute('href', '#');
      node.classList.add('file-link');
    }
  }
});

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'template', 'video', 'audio', 'source', 'picture'],
  FORBID_ATTR: ['style', 'srcset', 'background', 'formaction', 'action', 'ping'],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ADD_ATTR: ['data-file'],
  // data-file is never followed as a URL (the engine checks it): `Ky.ts:42` must survive the URL check.
  ADD_URI_SAFE_ATTR: ['data-file'],
};

/** Renders a note's Markdown body into HTML that is safe to insert. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body, { async: false });
  return DOMPurify.sanitize(html, PURIFY_CONFIG);
}

/**
 * Renders one piece of a note (markdown-blocks.ts) into safe DOM nodes, with the note's link
 * definitions; its code blocks stay plain until highlightBlock colors them.
 */
export function renderMarkdownPiece(source: string, definitions = ''): DocumentFragment {
  const html = markedPiece.parse(definitions ? `${source}\n\n${definitions}\n` : source, { async: false });
  return DOMPurify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Only highlight.js's own markup: spans with classes. */
const HIGHLIGHT_CONFIG = { ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'] };

/** Colors a plain code block (`<code class="hljs language-x">`) in place; false when it stays plain. */
export function highlightBlock(code: HTMLElement): boolean {
  const language = /(?:^|\s)language-(\S+)/.exec(code.className)?.[1] ?? '';
  if (code.childElementCount > 0) return false;
  const html = highlightCode(code.textContent ?? '', language);
  if (html === null) return false;
  code.innerHTML = DOMPurify.sanitize(html, HIGHLIGHT_CONFIG);
  return true;
}
