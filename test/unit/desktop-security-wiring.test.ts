// security.ts and ipc.ts hand every decision to security-policy.ts: driven through a stand-in for
// the Electron events they listen to (Electron's binary cannot run here), the window refuses to
// leave the app, opens only http(s) links outside, grants only the clipboard, sets the CSP, and
// answers IPC only from the app's main frame; the preload bridges the contract's names only.
// A wiring that allowed more fails these.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { readFile } from 'node:fs/promises';
import { eventChannel, methodChannel } from '../../shared/contract/channels';
import { createApi, type Engine } from '../../electron/core/api';
import { appUrlMatcher } from '../../electron/main/security-policy';
import { ROOT } from '../support/paths';
import { removeDir, tempDir } from '../support/temp';

type Listener = (...args: never[]) => unknown;

// What the modules under test register with Electron, recorded so the test can fire it.
const electron = vi.hoisted(() => {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const ipc = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const opened: string[] = [];
  const exposed = new Map<string, unknown>();
  const sent: Array<{ channel: string; input: unknown }> = [];
  const rendererListeners = new Map<string, Set<unknown>>();
  return { handlers, ipc, opened, exposed, sent, rendererListeners, app: null as unknown as EventEmitter };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  electron.app = new Emitter();
  const record = (name: string) => (handler: Listener) => {
    electron.handlers[name] = handler;
  };
  return {
    app: electron.app,
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('permissionRequest'),
        setPermissionCheckHandler: record('permissionCheck'),
        webRequest: { onHeadersReceived: record('headersReceived') },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        electron.opened.push(url);
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        electron.sent.push({ channel, input });
        return { ok: true, value: null };
      },
      on: (channel: string, listener: unknown) => {
        const set = electron.rendererListeners.get(channel) ?? new Set();
        electron.rendererListeners.set(channel, set.add(listener));
      },
      off: (channel: string, listener: unknown) => electron.rendererListeners.get(channel)?.delete(listener),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => electron.ipc.set(channel, handler),
      removeHandler: (channel: string) => electron.ipc.delete(channel),
    },
  };
});

const { hardenApp, secureWebPreferences } = await import('../../electron/main/security');
const { registerIpc } = await import('../../electron/main/ipc');
await import('../../electron/preload/index');

const appFile = join(ROOT, 'out', 'renderer', 'index.html');
const appPage = pathToFileURL(appFile).href;
const isAppUrl = appUrlMatcher({ file: appFile });

/** A window's web contents as far as security.ts touches it. */
class Contents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

/** Fires a cancellable Electron event and says whether a listener cancelled it. */
function cancelled(contents: Contents, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  contents.emit(name, { preventDefault: () => void (prevented = true) }, ...args);
  return prevented;
}

describe('security.ts', () => {
  let contents: Contents;
  beforeEach(() => {
    electron.opened.length = 0;
    electron.app.removeAllListeners();
    hardenApp(isAppUrl);
    contents = new Contents();
    electron.app.emit('web-contents-created', {}, contents);
  });

  it('keeps the window on the app’s page and sends http(s) links to the system browser', async () => {
    expect(cancelled(contents, 'will-navigate', `${appPage}#notes`)).toBe(false);
    expect(cancelled(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'vscode://x', `${appPage}?x=1`]) {
      expect(cancelled(contents, 'will-navigate', url), url).toBe(true);
    }
    expect(cancelled(contents, 'will-redirect', 'https://example.com/')).toBe(true);
    expect(cancelled(contents, 'will-redirect', appPage)).toBe(false);
    expect(cancelled(contents, 'will-attach-webview')).toBe(true);
    await Promise.resolve();
    expect(electron.opened).toEqual(['https://example.com/']);
  });

  it('opens no window, handing only http(s) links to the system browser', async () => {
    expect(contents.openHandler?.({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: appPage })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(electron.opened).toEqual(['https://example.com/a']);
  });

  it('grants only the clipboard and sets the CSP on every response', () => {
    const granted = (permission: string) => {
      let answer: boolean | undefined;
      (electron.handlers.permissionRequest as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, (ok) => (answer = ok));
      return answer;
    };
    const check = electron.handlers.permissionCheck as (c: unknown, p: string) => boolean;
    expect(granted('clipboard-sanitized-write')).toBe(true);
    expect(check({}, 'clipboard-sanitized-write')).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal']) {
      expect(granted(permission), permission).toBe(false);
      expect(check({}, permission), permission).toBe(false);
    }
    let headers: Record<string, string[]> = {};
    (electron.handlers.headersReceived as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('gives every window a sandboxed renderer without Node', () => {
    expect(secureWebPreferences('/preload.cjs')).toMatchObject({
      preload: '/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('ipc.ts', () => {
  let home: string;
  let engine: Engine;
  let unregister: () => void;
  beforeEach(async () => {
    home = await tempDir();
    engine = await createApi({
      app: { name: 'Fieldnotes', version: 'test' },
      transport: 'ipc',
      notebook: join(home, 'Notebook'),
      defaultNotebook: join(home, 'Notebook'),
      settingsFile: join(home, 'settings.json'),
      watch: false,
      log: () => undefined,
    });
    unregister = registerIpc({ engine, isAppUrl, targets: () => [], logError: () => undefined });
  });
  afterEach(async () => {
    unregister();
    await engine.close();
    await removeDir(home);
  });

  /** An invoke event as Electron builds it: the sending frame and its window's main frame. */
  function from(url: string | null, inMainFrame = true) {
    const mainFrame = { url: appPage };
    const senderFrame = url === null ? null : inMainFrame ? Object.assign(mainFrame, { url }) : { url };
    return { senderFrame, sender: { mainFrame } };
  }

  it('answers the app’s main frame and refuses a subframe, another page, or a frame that is gone', async () => {
    const call = (event: unknown) => electron.ipc.get(methodChannel('app.info'))!(event, {});
    expect(await call(from(appPage))).toMatchObject({ ok: true, value: { transport: 'ipc' } });
    const refused = { ok: false, error: { code: 'BAD_INPUT', message: 'Calls are only accepted from the Fieldnotes window.' } };
    expect(await call(from(appPage, false))).toEqual(refused);
    expect(await call(from('https://example.com/'))).toEqual(refused);
    expect(await call(from('file:///tmp/attack.html'))).toEqual(refused);
    expect(await call(from(null))).toEqual(refused);
  });
});

describe('the preload', () => {
  const bridge = () => electron.exposed.get('fieldnotes') as {
    invoke(method: unknown, input: unknown): Promise<unknown>;
    subscribe(event: unknown, callback: (payload: unknown) => void): () => void;
  };

  it('exposes only invoke and subscribe, as window.fieldnotes', () => {
    expect([...electron.exposed.keys()]).toEqual(['fieldnotes']);
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards the contract’s methods and events, and nothing else', async () => {
    electron.sent.length = 0;
    await bridge().invoke('notes.list', { limit: 1 });
    expect(electron.sent).toEqual([{ channel: methodChannel('notes.list'), input: { limit: 1 } }]);
    for (const method of ['fieldnotes:call:notes.list', '../notes.list', 'constructor', 'notes', 42]) {
      await expect(bridge().invoke(method, {}), String(method)).rejects.toThrow(/Unknown method/);
    }
    expect(electron.sent).toHaveLength(1);

    const off = bridge().subscribe('notes.changed', () => undefined);
    expect(electron.rendererListeners.get(eventChannel('notes.changed'))?.size).toBe(1);
    off();
    expect(electron.rendererListeners.get(eventChannel('notes.changed'))?.size).toBe(0);
    expect(() => bridge().subscribe('ipc:anything', () => undefined)).toThrow(/Unknown event/);
  });
});

describe('security-policy.ts', () => {
  it('imports nothing from Electron, so these decisions run wherever the tests do', async () => {
    const source = await readFile(join(ROOT, 'electron', 'main', 'security-policy.ts'), 'utf8');
    expect(source).not.toMatch(/from\s+['"]electron['"]|require\(\s*['"]electron['"]|import\(\s*['"]electron['"]/);
  });
});
