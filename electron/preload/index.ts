// The bridge between the sandboxed renderer and the main process: `invoke` and `subscribe`, for
// the contract's names only. No logic lives here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, methodChannel } from '../../shared/contract/channels';
import { isEventName, isMethodName } from '../../shared/contract/names';

contextBridge.exposeInMainWorld('fieldnotes', {
  invoke(method: unknown, input: unknown): Promise<unknown> {
    if (!isMethodName(method)) return Promise.reject(new Error(`Unknown method ${String(method)}`));
    return ipcRenderer.invoke(methodChannel(method), input);
  },
  subscribe(event: unknown, callback: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const listener = (_event: IpcRendererEvent, payload: unknown): void => callback(payload);
    ipcRenderer.on(eventChannel(event), listener);
    return () => {
      ipcRenderer.off(eventChannel(event), listener);
    };
  },
});
