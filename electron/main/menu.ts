// The application menu.
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Engine } from '../core/api';

export function installMenu(engine: Engine, window: () => BrowserWindow | null): void {
  const isMac = process.platform === 'darwin';

  const openNotebook = async (): Promise<void> => {
    const parent = window();
    const options = {
      title: 'Open a notebook folder',
      buttonLabel: 'Open Notebook',
      properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
    };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return;
    await engine.handlers['notebook.open']({ path }).catch((error: unknown) => {
      dialog.showErrorBox('Cannot open that folder', error instanceof Error ? error.message : String(error));
    });
  };

  const revealNotebook = async (): Promise<void> => {
    const info = await engine.handlers['app.info']({});
    if (info.notebook) await shell.openPath(info.notebook.path);
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
