// The desktop app's main process: one instance, one window, the engine served over IPC.
import { app, BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultNotebookDir, settingsFile, startNotebookDir, userDataDir } from '../core/app-paths';
import { adoptLoginShellPath } from '../core/agents/login-shell-path';
import { createApi, type Engine } from '../core/api';
import { SettingsStore } from '../core/settings';
import { electronPorts } from './electron-ports';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { hardenApp } from './security';
import { appUrlMatcher } from './security-policy';
import { notifyFinishedTasks } from './task-notifications';
import { createMainWindow, rendererPage } from './window';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const devUrl = process.env.ELECTRON_RENDERER_URL;
const page = rendererPage(outDir, devUrl);
const isAppUrl = appUrlMatcher(page);

app.setName('Fieldnotes');
app.setPath('userData', userDataDir());

function notebookArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--notebook');
  return index >= 0 ? argv[index + 1] : undefined;
}

/**
 * How tasks start `fieldnotes mcp` from the desktop app: this Electron binary as Node, running the
 * bundled command line (out/main/cli.js) the way the `fieldnotes` launcher does.
 */
const FIELDNOTES_COMMAND = {
  command: process.execPath,
  args: ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(join(outDir, 'main', 'cli.js')).href)}); process.exitCode = await main(process.argv.slice(1));`, '--'],
  env: { ELECTRON_RUN_AS_NODE: '1' },
};

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  hardenApp(isAppUrl);
  const ports = electronPorts(() => mainWindow);
  // Read while the window opens; only looking for agents waits for it.
  const loginPath = adoptLoginShellPath(process.env, { log: (message) => console.warn(`[fieldnotes] ${message}`) });
  const remembered = (await SettingsStore.peek(settingsFile())).notebook;
  const engine: Engine = await createApi({
    app: { name: 'Fieldnotes', version: app.getVersion() },
    transport: 'ipc',
    notebook: startNotebookDir({ flag: notebookArgument(process.argv), remembered }),
    defaultNotebook: defaultNotebookDir(),
    ports,
    settingsFile: settingsFile(),
    onNotebookError: 'log',
    warmTokenizer: true,
    agentEnvReady: loginPath,
    fieldnotes: FIELDNOTES_COMMAND,
    captureSessions: true,
  });
  registerIpc({
    engine,
    isAppUrl,
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    logError: (method, error) => console.error(`[fieldnotes] ${method} failed:`, error),
  });
  installMenu(engine, ports);
  notifyFinishedTasks(engine, () => mainWindow);

  const open = (): void => {
    mainWindow = createMainWindow({
      preload: join(outDir, 'preload', 'index.cjs'),
      page,
      stateFile: join(app.getPath('userData'), 'window-state.json'),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  open();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  // Quitting waits for the engine to stop its tasks (their notes say they were interrupted).
  let engineClosed = false;
  app.on('before-quit', (event) => {
    if (engineClosed) return;
    event.preventDefault();
    void engine.close().catch((error: unknown) => console.error('[fieldnotes] closing the engine failed:', error)).finally(() => {
      engineClosed = true;
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('[fieldnotes] could not start:', error);
    app.exit(1);
  });
}
