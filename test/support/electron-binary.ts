// Whether Electron's binary is installed (an offline `npm install` leaves it out).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const NO_ELECTRON_REASON =
  "Electron's binary is not installed here (offline install); `node node_modules/electron/install.js` fetches it";
