// The main window: secure preferences, remembered bounds, and the renderer page.
import { BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import { secureWebPreferences } from './security';
import type { RendererPage } from './security-policy';
import { loadWindowState, trackWindowState } from './window-state';

export interface WindowOptions {
  preload: string;
  /** A dev-server URL, or the built index.html. */
  page: RendererPage;
  stateFile: string;
  icon?: string;
}

export function createMainWindow({ preload, page, stateFile, icon }: WindowOptions): BrowserWindow {
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Fieldnotes',
    icon,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17181b' : '#fbfbfa',
    autoHideMenuBar: process.platform !== 'darwin',
    webPreferences: secureWebPreferences(preload),
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  if ('url' in page) void window.loadURL(page.url);
  else void window.loadFile(page.file);
  return window;
}

export function rendererPage(outDir: string, devUrl: string | undefined): RendererPage {
  return devUrl ? { url: devUrl } : { file: join(outDir, 'renderer', 'index.html') };
}
