// Every security setting of the desktop app, in one place (DESIGN.md, Security).
import { app, session, shell, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { allowsPermission, allowsRedirect, navigation, windowOpen, type IsAppUrl } from './security-policy';

/** Preferences every Fieldnotes window uses: the renderer gets no Node and runs sandboxed. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Hands a link the policy let through to the system browser. */
function openInBrowser(link: string | null): void {
  if (link !== null) void shell.openExternal(link);
}

/**
 * Applies the app-wide rules of security-policy.ts: deny permission requests, refuse webviews,
 * block navigation away from the app's own page, route new windows to the system browser, and
 * set the CSP.
 */
export function hardenApp(isAppUrl: IsAppUrl): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowsPermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => allowsPermission(permission));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      const decision = navigation(isAppUrl, url);
      if (decision.allow) return;
      event.preventDefault();
      openInBrowser(decision.openExternal);
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowsRedirect(isAppUrl, url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpen(url);
      openInBrowser(decision.openExternal);
      return { action: decision.action };
    });
  });
}
