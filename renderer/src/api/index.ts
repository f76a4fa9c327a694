// The app's one API client, over IPC inside Electron and over HTTP/WebSocket in a browser.
import { createClient, type Api } from './client';
import { httpTransport } from './http-transport';
import { ipcBridge, ipcTransport } from './ipc-transport';

function pickTransport() {
  const bridge = ipcBridge();
  return bridge ? ipcTransport(bridge) : httpTransport();
}

export const api: Api = createClient(pickTransport());
export type { Api } from './client';
