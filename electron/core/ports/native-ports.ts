// What the engine asks of the desktop around it: open a file, show one in its folder, ask for a
// folder, put text on the clipboard, encrypt a credential with the OS keychain. The desktop app
// implements these with Electron (electron/main/electron-ports.ts); the browser mode and the CLI
// with the system's own commands (node-ports.ts).
import type { SecretCipher } from '../agents/cloud/secret-store';

export interface NativePorts {
  /** Opens a file or folder with the program the system uses for it (the user's editor, the file manager). */
  openPath(path: string): Promise<void>;
  /** Shows a file in its folder, in the file manager. */
  revealPath(path: string): Promise<void>;
  /**
   * Asks the user for a folder; null when cancelled. `buttonLabel` names the action ("Open
   * Notebook", "Choose Codebase"). Absent where there is no native dialog (browser mode).
   */
  chooseFolder?(title: string, buttonLabel?: string): Promise<string | null>;
  /** Puts text on the system clipboard. Absent in browser mode, where the page copies it itself. */
  copyText?(text: string): Promise<void>;
  /** The OS keychain's encryption (Electron's safeStorage), for credentials kept from Settings. Absent outside the desktop app. */
  secretCipher?: SecretCipher;
}
