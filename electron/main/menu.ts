// The application menu. Its commands call the engine through the in-process client, so their
// input is checked by the contract as the window's calls are.
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Engine } from '../core/api';
import { inProcessClient } from '../core/api-client';
import type { NativePorts } from '../core/ports/native-ports';

export function installMenu(engine: Engine, ports: NativePorts): void {
  const isMac = process.platform === 'darwin';
  const api = inProcessClient(engine, { logError: (method, error) => console.error(`[fieldnotes] ${method} failed:`, error) });

  const openNotebook = async (): Promise<void> => {
    const path = await ports.chooseFolder?.('Open a notebook folder');
    if (!path) return;
    await api.notebook.open({ path }).catch((error: unknown) => {
      dialog.showErrorBox('Cannot open that folder', error instanceof Error ? error.message : String(error));
    });
  };

  const revealNotebook = async (): Promise<void> => {
    await api.notebook.reveal().catch(() => undefined);
  };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+O', click: () => void openNotebook() },
        { label: 'Show Notebook Folder', click: () => void revealNotebook() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(app.isPackaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Fieldnotes',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Fieldnotes',
              message: `Fieldnotes ${app.getVersion()}`,
              detail: 'A notebook for research done by coding agents.',
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
