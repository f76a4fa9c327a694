// The desktop window's security decisions as plain functions: which URLs are the app's own page,
// which links may open in the system browser, and which navigations, window opens, permission
// requests and IPC senders are allowed. security.ts and ipc.ts only wire them to Electron; this
// file never imports 'electron', so the decisions are unit-tested where Electron cannot run.
import { pathToFileURL } from 'node:url';

/** The page the window loads: the dev server in development, the built index.html otherwise. */
export type RendererPage = { url: string } | { file: string };

export type IsAppUrl = (url: string) => boolean;

/** What to do when the page tries to leave: stay, or stay and perhaps hand the link to the browser. */
export type Navigation = { allow: true } | { allow: false; openExternal: string | null };

/** The sending frame of an IPC call, or null when it is gone. */
export interface IpcSender {
  url: string;
  isMainFrame: boolean;
}

/** The one permission the UI asks for: writing to the clipboard ("Copy as context"). */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Recognizes the app's own page. From the dev server: any URL of its origin. From the build: the
 * built index.html itself, with at most a #fragment; every other file (a sibling, a path that
 * climbs out with `..`, the same page with a query) is somewhere else.
 */
export function appUrlMatcher(page: RendererPage): IsAppUrl {
  if ('url' in page) {
    const origin = new URL(page.url).origin;
    return (url) => {
      const parsed = parse(url);
      return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === origin;
    };
  }
  const appPage = pathToFileURL(page.file).href;
  return (url) => {
    const parsed = parse(url);
    if (parsed === null || parsed.protocol !== 'file:') return false;
    parsed.hash = '';
    return parsed.href === appPage;
  };
}

/** The link to hand to the system browser, normalized, when it is http(s); null for anything else. */
export function externalLink(url: string): string | null {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.href : null;
}

/** The window stays on the app's page; a link elsewhere opens in the system browser if it may. */
export function navigation(isAppUrl: IsAppUrl, url: string): Navigation {
  return isAppUrl(url) ? { allow: true } : { allow: false, openExternal: externalLink(url) };
}

/** A redirect may only land on the app's own page. */
export function allowsRedirect(isAppUrl: IsAppUrl, url: string): boolean {
  return isAppUrl(url);
}

/** No new window ever opens inside the app; an http(s) link goes to the system browser instead. */
export function windowOpen(url: string): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: externalLink(url) };
}

export function allowsPermission(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** IPC calls are served only to the app's page in the window's main frame, never to a subframe. */
export function trustsSender(isAppUrl: IsAppUrl, sender: IpcSender | null): boolean {
  return sender !== null && sender.isMainFrame && isAppUrl(sender.url);
}
