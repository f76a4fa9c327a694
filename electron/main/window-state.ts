// Remembers the main window's size, position and maximized state between launches.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean().default(false),
});
type WindowState = z.infer<typeof WindowState>;

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export function loadWindowState(file: string): WindowState {
  try {
    const state = WindowState.parse(JSON.parse(readFileSync(file, 'utf8')));
    return isVisible(state) ? state : { ...state, x: undefined, y: undefined };
  } catch {
    return DEFAULT_STATE;
  }
}

/** Saves the window's bounds whenever it moves or resizes (debounced) and when it closes. */
export function trackWindowState(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (window.isDestroyed()) return;
    const bounds = window.isMaximized() ? window.getNormalBounds() : window.getBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    const temp = `${file}.tmp`;
    void mkdir(dirname(file), { recursive: true })
      .then(() => writeFile(temp, JSON.stringify(state)))
      .then(() => rename(temp, file))
      .catch(() => undefined);
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

/** A saved position is used only if it is still on one of the displays. */
function isVisible(state: WindowState): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const rect: Rectangle = { x: state.x, y: state.y, width: state.width, height: state.height };
  return screen.getAllDisplays().some(({ workArea }) =>
    rect.x + 64 <= workArea.x + workArea.width &&
    rect.x + rect.width - 64 >= workArea.x &&
    rect.y >= workArea.y - 16 &&
    rect.y + 32 <= workArea.y + workArea.height,
  );
}
