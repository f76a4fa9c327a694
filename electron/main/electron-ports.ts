// The engine's native ports in the desktop app: Electron's shell, dialogs, clipboard, and the OS
// keychain (safeStorage) that encrypts the cloud agents' credentials kept from Settings.
import { clipboard, dialog, safeStorage, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { ApiError } from '../../shared/contract/errors';
import type { NativePorts } from '../core/ports/native-ports';

export function electronPorts(window: () => BrowserWindow | null): NativePorts {
  return {
    async openPath(path) {
      // shell.openPath resolves with an error message, or '' when it worked.
      const failure = await shell.openPath(path);
      if (failure) throw new ApiError('UNAVAILABLE', `Could not open ${path}: ${failure}`);
    },
    async revealPath(path) {
      shell.showItemInFolder(path);
    },
    async chooseFolder(title, buttonLabel = 'Open Notebook') {
      const options: OpenDialogOptions = { title, buttonLabel, properties: ['openDirectory', 'createDirectory'] };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async copyText(text) {
      clipboard.writeText(text);
    },
    secretCipher: {
      available: () => safeStorage.isEncryptionAvailable(),
      encrypt: (text) => safeStorage.encryptString(text),
      decrypt: (data) => safeStorage.decryptString(data),
    },
  };
}
