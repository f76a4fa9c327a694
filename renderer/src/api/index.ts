// The app's one API client, over IPC inside Electron and over HTTP/WebSocket in a browser.
import { createClient, type Api } from './client';
import { httpTransport } from './http-transport';
import { ipcBridge, ipcTransport } from './ipc-transport';
import { leaveForNoAccessPage, takeTabToken } from './tab-token';

function pickTransport() {
  const bridge = ipcBridge();
  return bridge ? ipcTransport(bridge) : httpTransport({ token: takeTabToken(), onRefused: leaveForNoAccessPage });
}

export const api: Api = createClient(pickTransport());
export type { Api } from './client';
