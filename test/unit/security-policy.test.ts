// The desktop window's security decisions over hostile URLs: the window stays on the app's own
// page, only http(s) links reach the system browser, and only the app's main frame may call IPC.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allowsPermission,
  allowsRedirect,
  appUrlMatcher,
  externalLink,
  navigation,
  trustsSender,
  windowOpen,
} from '../../electron/main/security-policy';

// A built app's index.html, wherever this machine keeps absolute paths.
const rendererDir = join(process.cwd(), 'app', 'out', 'renderer');
const appFile = join(rendererDir, 'index.html');
const appPage = pathToFileURL(appFile).href;
const built = appUrlMatcher({ file: appFile });
const dev = appUrlMatcher({ url: 'http://localhost:5173' });

/** Schemes a link in an agent's note could use to run something or leave the app. */
const HOSTILE_LINKS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.com/',
  'blob:https://example.com/uuid',
  'about:blank',
  'chrome://settings',
  'vscode://file/etc/passwd',
  'ms-settings:',
  'x-fieldnotes:open',
  'mailto:someone@example.com',
  'not a url',
  '',
  '//example.com/',
  'http://',
  'https://[::1',
];

describe('the app’s own page, built', () => {
  it('is the built index.html, with or without a #fragment', () => {
    expect(built(appPage)).toBe(true);
    expect(built(`${appPage}#/notes/01JDZ8Q6X7M3N4P5R6S7T8V9W0`)).toBe(true);
    expect(built(`${appPage}#`)).toBe(true);
    // The same file spelled with a dot segment is still the same page once parsed.
    expect(built(pathToFileURL(rendererDir).href + '/./index.html')).toBe(true);
  });

  it('is not any other file, nor the same page with a query', () => {
    for (const url of [
      'file:///etc/passwd',
      pathToFileURL(join(rendererDir, 'other.html')).href,
      pathToFileURL(join(rendererDir, 'assets', 'index.js')).href,
      pathToFileURL(rendererDir).href + '/../../x',
      pathToFileURL(rendererDir).href + '/../../../../../../etc/passwd',
      pathToFileURL(rendererDir).href + '/%2e%2e/%2e%2e/x',
      pathToFileURL(rendererDir).href,
      pathToFileURL(rendererDir).href + '/',
      `${appPage}?`,
      `${appPage}?next=https://example.com`,
      `${appPage}/`,
      appPage.replace('index.html', 'index%2ehtml'),
      appPage.replace('file:///', 'file://evil.example/'),
      appPage.replace('file:', 'http:'),
      'http://localhost:5173/',
    ]) {
      expect(built(url), url).toBe(false);
    }
  });

  it('is not a hostile link', () => {
    for (const url of HOSTILE_LINKS) expect(built(url), url).toBe(false);
  });
});

describe('the app’s own page, from the dev server', () => {
  it('is any URL of the dev server’s origin', () => {
    for (const url of ['http://localhost:5173', 'http://localhost:5173/', 'http://localhost:5173/src/main.tsx?t=1#x']) {
      expect(dev(url), url).toBe(true);
    }
  });

  it('is not another origin that looks like it', () => {
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173.evil.example/',
      'http://localhost:5173@evil.example/',
      'http://evil.example/http://localhost:5173/',
      'http://localhost/',
      appPage,
      'blob:http://localhost:5173/uuid',
      ...HOSTILE_LINKS,
    ]) {
      expect(dev(url), url).toBe(false);
    }
  });
});

describe('links for the system browser', () => {
  it('are http(s) links, normalized', () => {
    expect(externalLink('https://github.com/sindresorhus/ky')).toBe('https://github.com/sindresorhus/ky');
    expect(externalLink('HTTP://Example.COM')).toBe('http://example.com/');
    expect(externalLink('https://example.com/a b')).toBe('https://example.com/a%20b');
  });

  it('are never anything else', () => {
    for (const url of HOSTILE_LINKS) expect(externalLink(url), url).toBeNull();
  });
});

describe('navigation', () => {
  it('stays on the app’s page', () => {
    expect(navigation(built, `${appPage}#top`)).toEqual({ allow: true });
  });

  it('away from the app is refused, and an http(s) link opens in the system browser instead', () => {
    expect(navigation(built, 'https://example.com/docs')).toEqual({ allow: false, openExternal: 'https://example.com/docs' });
    expect(navigation(dev, 'http://localhost:5174/')).toEqual({ allow: false, openExternal: 'http://localhost:5174/' });
  });

  it('to a hostile link is refused and opens nothing', () => {
    for (const url of HOSTILE_LINKS) expect(navigation(built, url), url).toEqual({ allow: false, openExternal: null });
  });

  it('by redirect lands only on the app’s page', () => {
    expect(allowsRedirect(built, appPage)).toBe(true);
    expect(allowsRedirect(dev, 'http://localhost:5173/index.html')).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,x']) {
      expect(allowsRedirect(built, url), url).toBe(false);
      expect(allowsRedirect(dev, url), url).toBe(false);
    }
  });
});

describe('window.open', () => {
  it('never opens a window; an http(s) link goes to the system browser', () => {
    expect(windowOpen('https://example.com/')).toEqual({ action: 'deny', openExternal: 'https://example.com/' });
    // Not even the app's own page gets a second window.
    expect(windowOpen(appPage)).toEqual({ action: 'deny', openExternal: null });
    for (const url of HOSTILE_LINKS) expect(windowOpen(url), url).toEqual({ action: 'deny', openExternal: null });
  });
});

describe('permissions', () => {
  it('grant only writing to the clipboard', () => {
    expect(allowsPermission('clipboard-sanitized-write')).toBe(true);
    for (const permission of [
      'clipboard-read',
      'deprecated-sync-clipboard-read',
      'media',
      'display-capture',
      'geolocation',
      'notifications',
      'openExternal',
      'fileSystem',
      'hid',
      'serial',
      'usb',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'unknown',
      '',
    ]) {
      expect(allowsPermission(permission), permission).toBe(false);
    }
  });
});

describe('IPC senders', () => {
  it('are trusted only as the app’s page in the main frame', () => {
    expect(trustsSender(built, { url: appPage, isMainFrame: true })).toBe(true);
    expect(trustsSender(dev, { url: 'http://localhost:5173/', isMainFrame: true })).toBe(true);
  });

  it('are refused from a subframe, another origin, another file, or a frame that is gone', () => {
    expect(trustsSender(built, { url: appPage, isMainFrame: false })).toBe(false);
    expect(trustsSender(dev, { url: 'http://localhost:5173/', isMainFrame: false })).toBe(false);
    expect(trustsSender(built, { url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(trustsSender(built, { url: 'file:///tmp/attack.html', isMainFrame: true })).toBe(false);
    expect(trustsSender(built, { url: 'about:blank', isMainFrame: true })).toBe(false);
    expect(trustsSender(built, { url: 'data:text/html,x', isMainFrame: true })).toBe(false);
    expect(trustsSender(dev, { url: 'http://localhost:5174/', isMainFrame: true })).toBe(false);
    expect(trustsSender(built, null)).toBe(false);
  });
});
