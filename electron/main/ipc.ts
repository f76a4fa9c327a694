// The IPC transport: every contract method is an ipcMain handler that checks who is calling and
// hands the input to the same dispatch gate the HTTP transport uses.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_NAMES, METHOD_NAMES } from '../../shared/contract';
import { eventChannel, methodChannel } from '../../shared/contract/channels';
import type { Engine } from '../core/api';
import { dispatch } from '../core/dispatch';
import { trustsSender, type IsAppUrl } from './security-policy';

export interface IpcOptions {
  engine: Engine;
  /** True for the app's own page; calls from anything else are refused. */
  isAppUrl: IsAppUrl;
  /** The windows that receive push events. */
  targets: () => WebContents[];
  logError: (method: string, error: unknown) => void;
}

export function registerIpc({ engine, isAppUrl, targets, logError }: IpcOptions): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return trustsSender(isAppUrl, frame === null ? null : { url: frame.url, isMainFrame: frame === event.sender.mainFrame });
  };

  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), async (event, input: unknown) => {
      if (!trusted(event)) {
        return { ok: false, error: { code: 'BAD_INPUT', message: 'Calls are only accepted from the Fieldnotes window.' } };
      }
      return dispatch(engine.handlers, method, input, { logError });
    });
  }

  const unsubscribe = EVENT_NAMES.map((name) =>
    engine.events.on(name, (payload) => {
      for (const contents of targets()) {
        if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
      }
    }),
  );

  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
    for (const off of unsubscribe) off();
  };
}
