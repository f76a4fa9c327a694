// Markdown to safe HTML: marked renders, highlight.js colors code, DOMPurify removes anything that
// could run script, load remote content or restyle the page. Notes are untrusted input.
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, c, cpp, css, diff, go, java, javascript, json, markdown, python, ruby, rust, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
hljs.registerAliases(['sh', 'shell', 'zsh', 'console'], { languageName: 'bash' });
hljs.registerAliases(['ts', 'tsx', 'mts', 'cts'], { languageName: 'typescript' });
hljs.registerAliases(['js', 'jsx', 'mjs', 'cjs'], { languageName: 'javascript' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['rs'], { languageName: 'rust' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['patch'], { languageName: 'diff' });
hljs.registerAliases(['md'], { languageName: 'markdown' });

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

/** Source files a note cites in inline code: `src/router/index.ts:42`, `Ky.ts`. */
const SOURCE_EXTENSIONS = 'c|cc|cjs|cpp|cs|css|go|h|hpp|html|java|js|json|jsx|kt|lua|md|mjs|mts|php|py|rb|rs|scss|sh|sql|svelte|swift|toml|ts|tsx|vue|yaml|yml|zig';
const FILE_REFERENCE = new RegExp(
  `^(?:\\.{1,2}/)?(?:[\\w@.+-]+/)*[\\w@.+-]+(?:\\.(?:${SOURCE_EXTENSIONS})|/[\\w@.+-]+\\.[A-Za-z][\\w]{0,7})(?::\\d+(?::\\d+)?(?:-\\d+)?|#L\\d+)?$`,
);

const marked = new Marked({
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
      const known = language !== '' && hljs.getLanguage(language) !== undefined;
      // Huge blocks are shown plain: highlighting them would stall the window.
      const html = known && text.length < 200_000 ? hljs.highlight(text, { language, ignoreIllegals: true }).value : escapeHtml(text);
      const label = language ? `<span class="code-lang">${escapeHtml(language)}</span>` : '';
      return `<pre class="code-block">${label}<code class="hljs${known ? ` language-${language}` : ''}">${html}</code></pre>\n`;
    },
  },
});

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
